import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised while checking rule files (`kind: rules`). */
export const RULES_ISSUE_CODES = defineIssueCodes({
  RULE_UNKNOWN_PROVINCE: {
    severity: 'error',
    title: { en: 'Rule scoped to an unknown province', vi: 'Quy tắc áp dụng cho tỉnh không có trong danh mục' },
    help: {
      en: 'Each code under `scope.provinces` must be a province of the catalogue; a mistyped one would make the rule apply nowhere.',
      vi: 'Mỗi mã trong `scope.provinces` phải là một tỉnh trong danh mục; mã gõ sai khiến quy tắc không áp dụng ở đâu.',
    },
  },
  RULE_DUPLICATE_ID: {
    severity: 'error',
    title: { en: 'Duplicate rule id', vi: 'Trùng mã quy tắc' },
    help: {
      en: 'Rule ids are unique across all rule files; rename one of the two rules.',
      vi: 'Mã quy tắc phải duy nhất trong mọi tệp quy tắc; đổi tên một trong hai quy tắc.',
    },
  },
  RULE_INVALID_CONDITION: {
    severity: 'error',
    title: { en: 'Malformed condition', vi: 'Điều kiện sai cấu trúc' },
    help: {
      en: 'A condition is either `all: [...]`, `any: [...]`, `not: {...}` or `{ fact, path, operator, value }`; lists are not empty.',
      vi: 'Một điều kiện là `all: [...]`, `any: [...]`, `not: {...}` hoặc `{ fact, path, operator, value }`; danh sách không được rỗng.',
    },
  },
  RULE_UNKNOWN_FACT: {
    severity: 'error',
    title: { en: 'Unknown fact', vi: 'Dữ kiện không xác định' },
    help: {
      en: 'Use one of the facts listed in docs/rules.md (procedure, office, residence, applicant, channel, receivedAt, asOf, province).',
      vi: 'Dùng một trong các dữ kiện liệt kê trong docs/rules.md (procedure, office, residence, applicant, channel, receivedAt, asOf, province).',
    },
  },
  RULE_UNKNOWN_PATH: {
    severity: 'error',
    title: { en: 'Unknown fact path', vi: 'Đường dẫn dữ kiện không xác định' },
    help: {
      en: 'Object facts need a path such as `$.province` naming one of their fields; scalar facts take no path.',
      vi: 'Dữ kiện dạng đối tượng cần đường dẫn như `$.province` trỏ tới một trường của nó; dữ kiện đơn không có đường dẫn.',
    },
  },
  RULE_UNKNOWN_OPERATOR: {
    severity: 'error',
    title: { en: 'Unknown operator', vi: 'Toán tử không xác định' },
    help: {
      en: 'Use one of the operators listed in docs/rules.md.',
      vi: 'Dùng một trong các toán tử liệt kê trong docs/rules.md.',
    },
  },
  RULE_OPERATOR_MISMATCH: {
    severity: 'error',
    title: { en: 'Operator does not apply to this fact', vi: 'Toán tử không dùng được cho dữ kiện này' },
    help: {
      en: 'Numeric operators need numbers, `contains` needs a list, date operators need a date; pick the operator for the fact type.',
      vi: 'Toán tử số cần giá trị số, `contains` cần danh sách, toán tử ngày cần ngày; chọn toán tử phù hợp với kiểu dữ kiện.',
    },
  },
  RULE_VALUE_MISMATCH: {
    severity: 'error',
    title: { en: 'Value does not fit the fact', vi: 'Giá trị không phù hợp với dữ kiện' },
    help: {
      en: 'Compare with a value the fact can take (see the vocabulary in docs/rules.md); quote codes such as "01".',
      vi: 'So sánh với giá trị mà dữ kiện có thể nhận (xem danh mục trong docs/rules.md); đặt mã như "01" trong dấu nháy.',
    },
  },
  RULE_UNKNOWN_EFFECT: {
    severity: 'error',
    title: { en: 'Unknown effect type', vi: 'Loại kết quả không xác định' },
    help: {
      en: 'The event type is one of competent-level, competent-unit, office-action, filing-scope, deadline, delegation.',
      vi: 'Loại sự kiện là một trong competent-level, competent-unit, office-action, filing-scope, deadline, delegation.',
    },
  },
  RULE_INVALID_VALIDITY: {
    severity: 'error',
    title: { en: 'Empty validity window', vi: 'Thời hạn hiệu lực rỗng' },
    help: {
      en: 'validTo is exclusive (the first day the rule no longer applies) and must come after validFrom.',
      vi: 'validTo là ngày đầu tiên quy tắc hết hiệu lực (không tính) và phải sau validFrom.',
    },
  },
  RULE_CONFLICT: {
    severity: 'error',
    title: { en: 'Conflicting rules', vi: 'Quy tắc mâu thuẫn' },
    help: {
      en: 'Two rules with the same priority decide the same part differently for the same requests; give the more specific rule a higher priority or make the conditions exclusive.',
      vi: 'Hai quy tắc cùng mức ưu tiên quyết định khác nhau cùng một phần cho cùng yêu cầu; đặt ưu tiên cao hơn cho quy tắc cụ thể hơn hoặc làm điều kiện loại trừ nhau.',
    },
  },
  RULE_DELEGATION_WINDOW: {
    severity: 'warning',
    title: { en: 'Rule outlives its delegation', vi: 'Quy tắc kéo dài hơn văn bản ủy quyền' },
    help: {
      en: 'An authorisation (ủy quyền) is time-limited: keep the rule validity inside the delegation validFrom/validTo.',
      vi: 'Ủy quyền có thời hạn: giữ hiệu lực quy tắc trong khoảng validFrom/validTo của văn bản ủy quyền.',
    },
  },
});
