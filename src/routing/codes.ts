import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised when the catalogue and the rules are checked together. */
export const ROUTING_ISSUE_CODES = defineIssueCodes({
  RULES_LEVEL_UNDETERMINED: {
    severity: 'warning',
    title: { en: 'Competent level undetermined', vi: 'Chưa xác định được cấp có thẩm quyền' },
    help: {
      en: 'These procedures are performed at several levels and no rule chooses one; routing reports them as undetermined with the candidates. Add a competent-level rule (for example per sector or per province) when the law says which level handles which case.',
      vi: 'Các thủ tục này được thực hiện ở nhiều cấp và chưa có quy tắc chọn cấp; khi định tuyến sẽ báo "chưa xác định" kèm các cấp có thể. Bổ sung quy tắc competent-level (theo lĩnh vực hoặc theo tỉnh) khi pháp luật quy định cấp nào giải quyết trường hợp nào.',
    },
  },
});
