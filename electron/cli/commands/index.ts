/** Every `fieldguard` subcommand, in the order `--help` lists them. */
import type { Command } from '../command';
import { disksCommand } from './disks';

export const commands: readonly Command[] = [disksCommand];
