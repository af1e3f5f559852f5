import * as React from 'react';

/** Text typed through an IME is not final until composition ends: never act on it before. */
export function useComposition() {
  const composing = React.useRef(false);
  return {
    composing,
    handlers: {
      onCompositionStart: () => {
        composing.current = true;
      },
      onCompositionEnd: () => {
        composing.current = false;
      },
    },
  };
}
