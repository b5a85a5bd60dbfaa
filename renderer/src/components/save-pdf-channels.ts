/**
 * The two calls behind 「PDF を保存」 and 「フォルダーを開く」 (SavePdf.tsx), apart from the
 * components so that feature hooks (use-certificates.ts) can hand them on without JSX.
 */
import { useChannelMutation } from '../lib/use-channel';

/** Saves a stored certificate's or report's PDF where the engineer picks; answers with the file saved. */
export function useSavePdf() {
  return useChannelMutation('certificates.export', (send, id: string) => send({ id }));
}

/** Opens the file manager at a file saved a moment ago, named by the token its save answered with. */
export function useShowSavedFile() {
  return useChannelMutation('app.showSavedFile', (send, token: string) => send({ token }));
}
