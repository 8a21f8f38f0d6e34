import { defineIssueCodes } from '../code-info.js';

/** Issue codes about `# tthc-disable-next-line` comments, raised while applying them (see {@link applySuppressions}). */
export const FORMAT_ISSUE_CODES = defineIssueCodes({
  SUPPRESSION_WITHOUT_REASON: {
    severity: 'error',
    title: { en: 'Suppression without a reason', vi: 'Bỏ qua lỗi mà không nêu lý do' },
    help: {
      en: 'Say why after " -- ": `# tthc-disable-next-line CODE -- why the data is right`, so reviewers can judge it.',
      vi: 'Ghi lý do sau " -- ": `# tthc-disable-next-line MÃ -- vì sao dữ liệu vẫn đúng`, để người duyệt đánh giá được.',
    },
  },
  SUPPRESSION_UNKNOWN_CODE: {
    severity: 'error',
    title: { en: 'Suppression of an unknown code', vi: 'Bỏ qua một mã lỗi không tồn tại' },
    help: {
      en: 'Name the codes as tthc reports them (docs/issue-codes.md), separated by commas.',
      vi: 'Ghi mã lỗi đúng như tthc báo (xem docs/issue-codes.md), cách nhau bởi dấu phẩy.',
    },
  },
  SUPPRESSION_UNUSED: {
    severity: 'warning',
    title: { en: 'Suppression that suppresses nothing', vi: 'Chú thích bỏ qua không có tác dụng' },
    help: {
      en: 'The next line has no issue of this code (any more): remove the code from the comment, or the comment.',
      vi: 'Dòng tiếp theo không (còn) lỗi mang mã này: xóa mã khỏi chú thích, hoặc xóa cả chú thích.',
    },
  },
});
