/**
 * Office errors in Chinese, each saying what to do. Office.js rejects with an OfficeExtension.Error
 * whose `code` is one of Excel.ErrorCodes (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes);
 * the English text never reaches the clerk, only the code in brackets for whoever supports them.
 */
const BY_CODE: Record<string, string> = {
  ItemNotFound:
    '找不到要操作的工作表或单元格：它可能已被改名或删除。请在「检查的工作表」列表中重新选择，或先到「汇总」中「新建汇总表」。',
  ItemAlreadyExists: '已有同名的工作表：请先改名或删除那张表，再试一次。',
  InvalidOperationInCellEditMode: '有单元格正在编辑：请先按 Enter 或 Esc 结束编辑，再点一次。',
  InvalidArgument: 'Excel 不接受这次操作的内容：请检查所选的区域或工作表名称，再试一次。',
  InvalidReference: '所选区域无效：请重新选择单元格，再试一次。',
  InvalidSelection: '所选区域无效：请重新选择单元格，再试一次。',
  InvalidOperation: '当前状态下不能这样操作：请先取消筛选、结束编辑或取消工作表保护，再试一次。',
  AccessDenied: '工作簿或工作表受保护、或以只读方式打开：请取消保护或另存一份，再试一次。',
  ApiNotFound: '此版本的 Excel 不支持这项功能：请升级到 Excel 2021、Microsoft 365 或使用网页版 Excel。',
  NotImplemented: '此版本的 Excel 不支持这项功能：请升级到 Excel 2021、Microsoft 365 或使用网页版 Excel。',
  RequestPayloadSizeLimitExceeded: '一次要写入的内容太多：请分几次导入（如每次不超过 5000 行）。',
  ResponsePayloadSizeLimitExceeded: '工作表太大，一次读不完：请删去表外无用的行列，或分几张表检查。',
  ActivityLimitReached: 'Excel 暂时忙不过来：请稍等几秒再试。',
  Conflict: '工作簿正被其他人同时修改：请稍等几秒再试。',
  EditConflict: '工作簿正被其他人同时修改：请稍等几秒再试。',
  InsertDeleteConflict: '所选区域与合并单元格或表格冲突：请先取消合并，再试一次。',
  MergedRangeConflict: '所选区域与合并单元格冲突：请先取消合并，再试一次。',
  UnsupportedSheet: '这种工作表（如图表工作表）不能这样操作：请选择普通工作表。',
  Unauthenticated: '需要重新登录 Office：请登录后再试。',
  GeneralException: 'Excel 没能完成这次操作：请保存工作簿，关闭再打开任务窗格后重试。',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** A message a clerk can act on, for any error the pane catches. */
export function chineseError(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown; name?: unknown } | null;
  const message = typeof err?.message === 'string' ? err.message : typeof e === 'string' ? e : '';
  // Our own messages are Chinese already.
  if (HAS_CHINESE.test(message) && !/^[A-Za-z]+:/.test(message)) return message;
  const code = typeof err?.code === 'string' ? err.code : (/^([A-Za-z]+):/.exec(message)?.[1] ?? '');
  const known = BY_CODE[code];
  if (known) return `${known}（${code}）`;
  if (/network|fetch/i.test(message))
    return '读取文件时出错：请确认文件仍在原处且未被其他程序占用，再试一次。';
  return `操作没有完成：请保存工作簿后重试；如仍出错，请把括号中的内容告诉维护人员（${code || message.slice(0, 120)}）。`;
}
