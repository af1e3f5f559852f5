import * as React from 'react';
import { FluentProvider, webLightTheme, Dropdown, Option, Field, Input, Text, Title3 } from '@fluentui/react-components';
import { PROFILES } from '../core/profiles';
import { convert } from '../core/quantity';

export function App(): React.JSX.Element {
  const [profileId, setProfileId] = React.useState(PROFILES[0].id);
  const [value, setValue] = React.useState('1.5TB');
  const profile = PROFILES.find((p) => p.id === profileId)!;
  const r = convert(value, 'GB');
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: '100%' }}>
      <Title3 as="h1">高质量数据集汇总助手</Title3>
      <Field label="格式">
        <Dropdown value={profile.name} selectedOptions={[profileId]} onOptionSelect={(_, d) => d.optionValue && setProfileId(d.optionValue)}>
          {PROFILES.map((p) => <Option key={p.id} value={p.id}>{p.name}</Option>)}
        </Dropdown>
      </Field>
      <Text block>列：{profile.columns.map((c) => c.label).join(' | ')}</Text>
      <Field label="换算为 GB">
        <Input value={value} onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Text block>{r.ok ? `${r.value} GB` : r.message}</Text>
    </FluentProvider>
  );
}
