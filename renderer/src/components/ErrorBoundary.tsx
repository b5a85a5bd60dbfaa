/**
 * The renderer's safety net (issue 18): a screen that throws while rendering shows a calm
 * message with 「再読み込み」 instead of a blank window. Around the screens it is keyed by the
 * route, so moving to another screen recovers; at the root it catches the rest. Nothing of
 * the error is shown or kept: its message may carry data from the screen.
 */
import { Component, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly failed: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <RenderFailed /> : this.props.children;
  }
}

function RenderFailed() {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid="render-failed">
      <MessageBarBody>
        <MessageBarTitle>{t('common.renderFailed.title')}</MessageBarTitle>
        {t('common.renderFailed.body')}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={() => window.location.reload()}>
          {t('common.renderFailed.reload')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
