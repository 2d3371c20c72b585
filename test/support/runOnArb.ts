/**
 * fast-check arbitrary for pages that lost their line breaks (DOMAIN.md §7): the writer's pieces
 * (issuing bodies, 发文字号, title, addressee, lead, headings, paragraphs full of words portals use
 * too, an attachment line, the 落款) run together with portal chrome before and after them, joined
 * by nothing or a space. Each page keeps which pieces are the writer's, so a property can check
 * that fix-all kept every one of them (words in = words out, debris aside).
 */
import fc from 'fast-check';

export interface RunOnPage {
  readonly text: string;
  /** The writer's pieces, in order; each must survive any fix. */
  readonly writer: readonly string[];
}

const bodies = fc.constantFrom(
  '某某县人民政府',
  '中共某某镇委员会 某某镇人民政府',
  '某某县人民政府新闻发布办公室',
  '某某县司法局',
  '某某县信息来源管理中心',
  '某某市生态环境局某某分局',
);
const docNumber = fc.constantFrom('某府发[2025]3号', '某委发〔2024〕12号', '某司【2025】1号', '某府文(2025)7号', '');
const title = fc.constantFrom(
  '关于2024年法治政府建设情况的报告',
  '某某县2024年度法治政府建设工作报告',
  '某某镇人民政府关于2024年度法治政府建设工作情况的报告',
);
const addressee = fc.constantFrom('县委、县政府：', '县委：', '市司法局：', '');
const lead = fc.constantFrom(
  '2024年，我县扎实推进法治政府建设。现将有关情况报告如下：',
  '现将有关情况报告如下：',
  '今年以来，我局在县委坚强领导下，依法全面履行职能，现将相关工作报告如下：',
);
/** Sentences of the writer's that hold words portal chrome uses too. */
const sentence = fc.constantFrom(
  '全年办理行政复议案件36件。',
  '在门户网站首页开设法治政府建设专栏，全年发布信息56条。',
  '通过微信、微博发布普法信息120条。',
  '新闻发布办公室召开新闻发布会4场。',
  '编印相关阅读书目500册。',
  '扫一扫二维码即可在线申请法律援助。',
  '来源于群众的意见建议36条全部办结。',
  '版权所有人维权案件3件已办结。',
  '返回顶部按钮旁设置了法律援助申请入口。',
  '主办单位为县司法局，协办单位为县法院。',
  '行政复议办理流程为申请>受理>审查>决定。',
  '索引号规范管理工作有序推进。',
  '当前位置偏远的村居设立法律服务点12个。',
  '继续推进依法行政。',
);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(''));
const headingTitles = [
  ['主要举措和成效', '2024年推进法治政府建设的主要举措和成效'],
  ['存在的不足和原因', '存在的问题'],
  ['2025年工作安排', '下一步工作打算'],
];
const CN = ['一', '二', '三', '四'];
const body = fc
  .tuple(
    fc.tuple(...headingTitles.map((t) => fc.constantFrom(...t))),
    fc.array(paragraph, { minLength: 3, maxLength: 3 }),
    fc.constantFrom('。', ''),
  )
  .map(([titles, paragraphs, stop]) => titles.map((t, k) => `${CN[k]}、${t}${stop}${paragraphs[k]}`));
const attachment = fc.constantFrom(
  '附件：某某县2024年度法治建设相关阅读书目',
  '附件：某某县主办单位名单',
  '附件：某某县著作权版权所有人维权指引',
  '',
);
const signature = fc.constantFrom('某某县司法局 2025年1月20日', '某某镇人民政府 2025年1月20日', '2025年1月20日', '');

/** Chrome as portals put it around a page that lost its line breaks. */
const chromeBefore = fc.constantFrom(
  '您当前的位置：首页 > 政务公开 > 法治政府建设',
  '[ 索引号 ]11500106MB1A23456X/2025-00012 [ 发布机构 ]某某县司法局 [ 主题分类 ]其他',
  '日期:2025-01-20 语音播报',
  '【字体：大 中 小】【打印】【关闭】',
  '',
);
const chromeAfter = fc.constantFrom(
  '返回顶部 主办单位：某某县人民政府办公室',
  '扫一扫在手机打开当前页返回主站',
  '【打印本页】【关闭窗口】',
  '',
);

export const runOnPage: fc.Arbitrary<RunOnPage> = fc
  .tuple(
    fc.tuple(chromeBefore, fc.option(bodies), docNumber, title, addressee, lead),
    body,
    fc.tuple(attachment, signature, chromeAfter),
    fc.constantFrom('', ' '),
  )
  .map(([[before, b, doc, t, a, l], parts, [att, sig, after], sep]) => {
    const writer = [b ?? '', doc, t, a, l, ...parts, att, sig].filter(Boolean);
    const text = [before, ...writer, after].filter(Boolean).join(sep);
    return { text, writer };
  });
