import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised by the catalog module (cross-file checks in createCatalog). */
export const CATALOG_ISSUE_CODES = defineIssueCodes({
  DUPLICATE_CODE: {
    severity: 'error',
    title: { en: 'Duplicate code', vi: 'Mã bị trùng' },
    help: {
      en: 'A procedure or unit code may appear once in the whole catalogue; remove or merge the second entry.',
      vi: 'Mỗi mã thủ tục hoặc mã đơn vị chỉ xuất hiện một lần trong toàn bộ danh mục; xóa hoặc gộp mục thứ hai.',
    },
  },
  UNKNOWN_PROVINCE: {
    severity: 'error',
    title: { en: 'Unknown province', vi: 'Tỉnh không tồn tại' },
    help: {
      en: 'A commune names a province code that no units file defines; fix the code or add the province.',
      vi: 'Xã/phường tham chiếu mã tỉnh không có trong danh mục; sửa mã hoặc bổ sung tỉnh.',
    },
  },
  UNIT_LEVEL_MISMATCH: {
    severity: 'error',
    title: { en: 'Unit code does not fit its level', vi: 'Mã đơn vị không khớp cấp' },
    help: {
      en: 'Provinces have 2-digit codes and no `province`; communes have 5-digit codes and a `province`.',
      vi: 'Tỉnh có mã 2 chữ số và không có `province`; xã/phường có mã 5 chữ số và có `province`.',
    },
  },
  INVALID_INTERVAL: {
    severity: 'error',
    title: { en: 'Invalid validity interval', vi: 'Thời hạn hiệu lực không hợp lệ' },
    help: {
      en: 'validFrom must be on or before validTo; versions must follow each other without gap or overlap (the next validFrom is the day after validTo) and lie within the unit\'s own interval.',
      vi: 'validFrom phải trước hoặc bằng validTo; các phiên bản phải nối tiếp nhau, không hở và không chồng lấn (validFrom kế tiếp là ngày sau validTo) và nằm trong thời hạn của đơn vị.',
    },
  },
  INVALID_DATE: {
    severity: 'error',
    title: { en: 'Date does not exist', vi: 'Ngày không tồn tại' },
    help: { en: 'Give a real calendar date (YYYY-MM-DD).', vi: 'Nhập một ngày có thật (YYYY-MM-DD).' },
  },
  UNKNOWN_LEGACY_TARGET: {
    severity: 'error',
    title: { en: 'Legacy link to an unknown commune', vi: 'Liên kết đơn vị cũ trỏ tới xã không tồn tại' },
    help: {
      en: 'The `new` code of a legacy link must be a commune in the units files, in the province of the file.',
      vi: 'Mã `new` của liên kết đơn vị cũ phải là xã/phường có trong danh mục, thuộc tỉnh của tệp.',
    },
  },
  DEADLINE_UNRESOLVED: {
    severity: 'warning',
    title: { en: 'Deadline not machine-readable', vi: 'Thời hạn giải quyết chưa đọc được' },
    help: {
      en: 'The published deadline has no unit, no number, a range or contradicting values; routing cannot compute a due date. Write `status: resolved` with value and unit once the announcing decision is checked.',
      vi: 'Thời hạn công bố thiếu đơn vị, thiếu số, là khoảng hoặc mâu thuẫn; không tính được ngày hẹn trả. Ghi `status: resolved` với value và unit sau khi đối chiếu quyết định công bố.',
    },
  },
});
