import * as React from 'react';
import { Input } from '@fluentui/react-components';
import { useComposition } from './hooks';
import { useStyles } from './styles';

export interface SettingInputProps {
  value: string;
  onSave: (v: string) => void;
  placeholder?: string;
  label: string;
}

/** A text setting: typed freely (IME composition included) and saved when the field is left. */
export function SettingInput({ value, onSave, placeholder, label }: SettingInputProps): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState(value);
  const ime = useComposition();
  React.useEffect(() => setText(value), [value]);
  return (
    <Input
      className={styles.full}
      aria-label={label}
      value={text}
      placeholder={placeholder}
      {...ime.handlers}
      onChange={(_, d) => setText(d.value)}
      onBlur={() => {
        if (!ime.composing.current && text !== value) onSave(text);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing && !ime.composing.current && text !== value)
          onSave(text);
      }}
    />
  );
}
