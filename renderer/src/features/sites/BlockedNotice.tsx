/**
 * Why something cannot be removed yet — a site that still has systems, a system that still
 * has accounts — in plain words, with a button that takes focus to the list to clear first.
 * The main process refuses such a removal anyway; this says so before and after asking it.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface BlockedNoticeProps {
  readonly title: string;
  readonly body: string;
  readonly actionLabel: string;
  readonly onAction: () => void;
  readonly onDismiss: () => void;
  readonly dismissLabel: string;
}

export function BlockedNotice({ title, body, actionLabel, onAction, onDismiss, dismissLabel }: BlockedNoticeProps) {
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-testid="sites-blocked">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onAction}>{actionLabel}</Button>
        <Button appearance="transparent" onClick={onDismiss}>
          {dismissLabel}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
