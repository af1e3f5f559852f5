/**
 * The pane's 「新格式」 shows a learned per-project form read-only, row by row, as hqds learn prints it.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ProjectFormPreview } from '../src/taskpane/components/LearnTab';
import { getProfile } from '../src/core/profiles';

test('a learned project form is listed row by row; a summary format shows no form section', () => {
  const sh = getProfile('shanghai')!;
  const html = renderToStaticMarkup(<ProjectFormPreview profile={sh} />);
  expect(html).toContain('表单「一、项目基本信息情况表」');
  expect(html).toContain(
    '<li>申报方向　勾选：□方向1：行业领域高质量数据集建设 □方向2：高质量数据集工具链平台建设</li>',
  );
  expect(html).toContain('<li>项目联系人 | ［填写］ | 职务 | ［填写，占 2 格］</li>');
  expect(html.match(/<li>/g)).toHaveLength(sh.projectForm!.rows.length);
  const { form: _f, ...qinghai } = getProfile('qinghai')!;
  expect(renderToStaticMarkup(<ProjectFormPreview profile={qinghai} />)).toBe('');
});

test('a learned 附件1 beside a summary is listed with the summary column each item fills', () => {
  const qinghai = getProfile('qinghai')!;
  const html = renderToStaticMarkup(<ProjectFormPreview profile={qinghai} />);
  expect(html).toContain(`表单「${qinghai.form!.title}」（每个单位填一份`);
  const tied = qinghai.form!.fields.find((f) => f.key)!;
  const col = qinghai.columns.find((c) => c.key === tied.key)!;
  expect(html).toContain(`<li>${tied.label} → 汇总表「${col.label}」</li>`);
});
