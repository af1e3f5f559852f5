import * as React from 'react';
import { Checkbox, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { Vocabulary } from '../../core/profile';
import type { PickerAction, PickerState } from '../state';
import { useComposition } from './hooks';
import { useStyles } from './styles';

export interface VocabPickerProps {
  label: string;
  vocab: Vocabulary;
  /** Multi-choice columns (数据集模态) get checkboxes; single-choice (行业领域) a radio group. */
  multi: boolean;
  joiner: string;
  state: PickerState;
  dispatch: React.Dispatch<PickerAction>;
}

/** The vocabulary as the notice lists it, then its other-option, whose detail is asked for. */
export function VocabPicker({
  label,
  vocab,
  multi,
  joiner,
  state,
  dispatch,
}: VocabPickerProps): React.JSX.Element {
  const styles = useStyles();
  // Every control gets its own id: a shared one made a click on 「图形图像」 tick 「文本」.
  const id = React.useId();
  const ime = useComposition();
  const options = [...vocab.items.map((i) => i.label), ...(vocab.other ? [vocab.other] : [])];
  const otherPicked = !!vocab.other && state.picked.includes(vocab.other);
  return (
    <div className={styles.group} role="group" aria-labelledby={`${id}-legend`}>
      <Text id={`${id}-legend`} className={styles.legend}>
        {label}
        {multi ? `（可多选，用「${joiner}」连接写入）` : '（只选一项）'}
      </Text>
      {multi ? (
        options.map((o, i) => (
          <Checkbox
            key={o}
            id={`${id}-opt-${i}`}
            label={o}
            checked={state.picked.includes(o)}
            onChange={() => dispatch({ type: 'toggle', value: o, multi: true })}
          />
        ))
      ) : (
        <RadioGroup
          aria-labelledby={`${id}-legend`}
          value={state.picked[0] ?? ''}
          onChange={(_, d) => dispatch({ type: 'toggle', value: d.value, multi: false })}
        >
          {options.map((o, i) => (
            <Radio key={o} id={`${id}-opt-${i}`} value={o} label={o} />
          ))}
        </RadioGroup>
      )}
      {otherPicked && vocab.otherBracketed && (
        <Input
          className={styles.full}
          aria-label={`${vocab.other}的具体内容`}
          placeholder={`${vocab.other}的具体内容，如「时序数据」`}
          value={state.otherDetail}
          {...ime.handlers}
          onChange={(_, d) => dispatch({ type: 'detail', text: d.value })}
        />
      )}
      {otherPicked && vocab.otherBracketed && (
        <Text className={styles.small}>
          写入为「{vocab.other}（{state.otherDetail.trim() || '…'}）」，与通知的写法一致。
        </Text>
      )}
    </div>
  );
}
