/** `fieldguard disks [--json]`: the mounted volumes, as the System page shows them. */
import { listVolumes } from '../../core/disks/list-volumes';
import { readVolumes } from '../../platform/disks/read-volumes';
import { formatBytes } from '../../shared/format-bytes';
import { ExitCode, type Command } from '../command';

export const disksCommand: Command = {
  name: 'disks',
  summary: { ja: 'マウントされているボリュームを一覧表示します', en: 'List the mounted volumes' },
  usage: 'disks [--json]',
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const list = await listVolumes(readVolumes);
    if (args.values.json) {
      io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      return ExitCode.ok;
    }
    const yes = io.language === 'ja' ? 'はい' : 'yes';
    const no = io.language === 'ja' ? 'いいえ' : 'no';
    const unknown = io.language === 'ja' ? '不明' : 'unknown';
    const header =
      io.language === 'ja'
        ? ['マウント先', 'ファイルシステム', '容量', '空き', 'リムーバブル']
        : ['Mount', 'File system', 'Size', 'Free', 'Removable'];
    const rows = list.volumes.map((v) => [
      v.mount,
      v.fileSystem ?? unknown,
      formatBytes(v.sizeBytes, io.language),
      formatBytes(v.freeBytes, io.language),
      v.removable === null ? unknown : v.removable ? yes : no,
    ]);
    io.stdout(`${[header, ...rows].map((r) => r.join('\t')).join('\n')}\n`);
    return ExitCode.ok;
  },
};
