/** Recognising the bureau from a sheet's header and title, and declining when nothing fits. */
import { DETECT_MIN_SCORE, detectProfile, detectScore } from '../src/core/detect';
import { PROFILES, getProfile } from '../src/core/profiles';

const header = (id: string) => getProfile(id)!.columns.map((c) => c.label);

describe('detectProfile', () => {
  it.each(['qinghai', 'wuhan', 'shanxi', 'shanghai'])('recognises %s from its header alone', (id) => {
    expect(detectProfile('Sheet1', [header(id)])).toEqual({ profileId: id, sheet: 'Sheet1' });
  });

  it('recognises a sheet by its notice title above a sparse header', () => {
    const wuhan = getProfile('wuhan')!;
    const title = wuhan.sheet.title.replace('{prefix}', '');
    expect(detectProfile('来件', [[title], ['序号', '备注']])).toEqual({ profileId: 'wuhan', sheet: '来件' });
  });

  it('declines a sheet that is not a summary: instructions, a blank sheet, a few stray words', () => {
    expect(detectProfile('填表说明', [['填表说明'], ['1. 请按通知要求填写。'], ['2. 联系电话：0971-1234567']])).toBeNull();
    expect(detectProfile('Sheet2', [])).toBeNull();
    // A generic table (an invoice) and a bare region name score a little, not enough.
    expect(detectProfile('Sheet3', [['序号', '名称', '单位', '金额']])).toBeNull();
    expect(detectProfile('Sheet4', [['青海']])).toBeNull();
  });

  it('scores a weak match below the threshold and a full header above it', () => {
    const weak = Math.max(...PROFILES.map((p) => detectScore(p, [['序号', '名称', '单位', '金额']])));
    expect(weak).toBeGreaterThan(0);
    expect(weak).toBeLessThan(DETECT_MIN_SCORE);
    expect(detectScore(getProfile('qinghai')!, [header('qinghai')])).toBeGreaterThanOrEqual(DETECT_MIN_SCORE);
  });
});
