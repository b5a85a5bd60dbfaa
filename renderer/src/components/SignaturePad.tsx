/**
 * The site administrator's countersignature, drawn on screen with a pen, a finger or the
 * mouse. It is optional: without one, the certificate prints a blank line for a wet
 * signature, which is also the keyboard-only path. A visit's signature steps use it too, with
 * words of their own (`textKeys`).
 */
import { useEffect, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TextKey } from '../i18n/text-key';

const useStyles = makeStyles({
  canvas: {
    display: 'block',
    width: '480px',
    height: '160px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    touchAction: 'none',
    cursor: 'crosshair',
  },
  actions: { marginTop: tokens.spacingVerticalS },
});

/** The i18n keys of the pad's accessible name (empty or signed) and of its Clear button. */
export interface SignaturePadTextKeys {
  readonly empty: TextKey;
  readonly drawn: TextKey;
  readonly clear: TextKey;
}

const erasureKeys: SignaturePadTextKeys = {
  empty: 'erasure.signature.empty',
  drawn: 'erasure.signature.drawn',
  clear: 'erasure.signature.clear',
};

export function SignaturePad({
  onChange,
  textKeys = erasureKeys,
}: {
  onChange: (png: string | null) => void;
  textKeys?: SignaturePadTextKeys;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.strokeStyle = '#1a1a1a';
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) * event.currentTarget.width) / box.width,
      y: ((event.clientY - box.top) * event.currentTarget.height) / box.height,
    };
  };

  return (
    <div>
      <canvas
        ref={canvas}
        className={styles.canvas}
        width={960}
        height={320}
        role="img"
        aria-label={drawn ? t(textKeys.drawn) : t(textKeys.empty)}
        onPointerDown={(event) => {
          const context = event.currentTarget.getContext('2d');
          if (!context) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          drawing.current = true;
          const { x, y } = point(event);
          context.beginPath();
          context.moveTo(x, y);
        }}
        onPointerMove={(event) => {
          if (!drawing.current) return;
          const context = event.currentTarget.getContext('2d');
          const { x, y } = point(event);
          context?.lineTo(x, y);
          context?.stroke();
        }}
        onPointerUp={(event) => {
          if (!drawing.current) return;
          drawing.current = false;
          setDrawn(true);
          onChange(event.currentTarget.toDataURL('image/png'));
        }}
      />
      <div className={styles.actions}>
        <Button
          size="small"
          disabled={!drawn}
          onClick={() => {
            const element = canvas.current;
            element?.getContext('2d')?.clearRect(0, 0, element.width, element.height);
            setDrawn(false);
            onChange(null);
          }}
        >
          {t(textKeys.clear)}
        </Button>
      </div>
    </div>
  );
}
