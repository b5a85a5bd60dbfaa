/**
 * The site administrator's countersignature, drawn on screen with a pen, a finger or the
 * mouse. It is optional: without one, the certificate prints a blank line for a wet
 * signature, which is also the keyboard-only path.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

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

export function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
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
    return { x: ((event.clientX - box.left) * event.currentTarget.width) / box.width, y: ((event.clientY - box.top) * event.currentTarget.height) / box.height };
  };

  return (
    <div>
      <canvas
        ref={canvas}
        className={styles.canvas}
        width={960}
        height={320}
        role="img"
        aria-label={drawn ? t('erasure.signature.drawn') : t('erasure.signature.empty')}
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
          {t('erasure.signature.clear')}
        </Button>
      </div>
    </div>
  );
}
