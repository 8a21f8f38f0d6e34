import { defineIssueCodes } from '../code-info.js';
import { CATALOG_ISSUE_SEVERITY } from './severities.js';

/** Issue codes raised by the catalog module (cross-file checks in createCatalog). */
export const CATALOG_ISSUE_CODES = defineIssueCodes({
  DUPLICATE_CODE: {
    severity: CATALOG_ISSUE_SEVERITY.DUPLICATE_CODE,
    title: { en: 'Duplicate code', vi: 'Mã bị trùng' },
    help: {
      en: 'A procedure or unit code may appear once in the whole catalogue; remove or merge the second entry.',
      vi: 'Mỗi mã thủ tục hoặc mã đơn vị chỉ xuất hiện một lần trong toàn bộ danh mục; xóa hoặc gộp mục thứ hai.',
    },
  },
  UNKNOWN_PROVINCE: {
    severity: CATALOG_ISSUE_SEVERITY.UNKNOWN_PROVINCE,
    title: { en: 'Unknown province', vi: 'Tỉnh không tồn tại' },
    help: {
      en: 'A commune names a province code that no units file defines; fix the code or add the province.',
      vi: 'Xã/phường tham chiếu mã tỉnh không có trong danh mục; sửa mã hoặc bổ sung tỉnh.',
    },
  },
  UNIT_LEVEL_MISMATCH: {
    severity: CATALOG_ISSUE_SEVERITY.UNIT_LEVEL_MISMATCH,
    title: { en: 'Unit code does not fit its level', vi: 'Mã đơn vị không khớp cấp' },
    help: {
      en: 'Provinces have 2-digit codes and no `province`; communes have 5-digit codes and a `province`.',
      vi: 'Tỉnh có mã 2 chữ số và không có `province`; xã/phường có mã 5 chữ số và có `province`.',
    },
  },
  INVALID_INTERVAL: {
    severity: CATALOG_ISSUE_SEVERITY.INVALID_INTERVAL,
    title: { en: 'Invalid validity interval', vi: 'Thời hạn hiệu lực không hợp lệ' },
    help: {
      en: 'validFrom must be on or before validTo; versions must follow each other without gap or overlap (the next validFrom is the day after validTo) and lie within the unit\'s own interval.',
      vi: 'validFrom phải trước hoặc bằng validTo; các phiên bản phải nối tiếp nhau, không hở và không chồng lấn (validFrom kế tiếp là ngày sau validTo) và nằm trong thời hạn của đơn vị.',
    },
  },
  INVALID_DATE: {
    severity: CATALOG_ISSUE_SEVERITY.INVALID_DATE,
    title: { en: 'Date does not exist', vi: 'Ngày không tồn tại' },
    help: { en: 'Give a real calendar date (YYYY-MM-DD).', vi: 'Nhập một ngày có thật (YYYY-MM-DD).' },
  },
  UNKNOWN_LEGACY_TARGET: {
    severity: CATALOG_ISSUE_SEVERITY.UNKNOWN_LEGACY_TARGET,
    title: { en: 'Legacy link to an unknown commune', vi: 'Liên kết đơn vị cũ trỏ tới xã không tồn tại' },
    help: {
      en: 'The `new` code of a legacy link must be a commune in the units files, in the province of the file.',
      vi: 'Mã `new` của liên kết đơn vị cũ phải là xã/phường có trong danh mục, thuộc tỉnh của tệp.',
    },
  },
  DEADLINE_UNRESOLVED: {
    severity: CATALOG_ISSUE_SEVERITY.DEADLINE_UNRESOLVED,
    title: { en: 'Deadline gives no due date', vi: 'Thời hạn giải quyết chưa tính được ngày hẹn trả' },
    help: {
      en: 'The record states no usable deadline for the channel; the message names the reason class (missing, no-unit, no-number, range, contradictory, zero, conditional, fee-glued, ambiguous-hours, staged, later-start, unsupported-unit), and routing gives no due date. Where the law settles it, add an override in catalog/overrides citing the article; otherwise correct the record once the announcing decision is checked.',
      vi: 'Hồ sơ công bố không nêu thời hạn dùng được cho hình thức nộp này; thông báo nêu loại lý do (thiếu, không có đơn vị, không có số, khoảng, mâu thuẫn, bằng 0, tùy trường hợp, dính với lệ phí, không rõ loại giờ, nhiều giai đoạn, tính từ một sự kiện sau ngày tiếp nhận, đơn vị chưa hỗ trợ) và không tính ngày hẹn trả. Nếu pháp luật đã quy định, thêm một ghi đè trong catalog/overrides dẫn điều khoản; nếu không, sửa dữ liệu sau khi đối chiếu quyết định công bố.',
    },
  },
  AUTHORITY_ABOLISHED: {
    severity: CATALOG_ISSUE_SEVERITY.AUTHORITY_ABOLISHED,
    title: { en: 'Authority text names an abolished body', vi: 'Cơ quan nêu trong thủ tục đã chấm dứt hoạt động' },
    help: {
      en: 'An authority text of the procedure names a body abolished in the 2025 reorganisation (catalog/bodies); decisions show the successor the law names, or say the text is stale. Correct the procedure once its new announcement is published.',
      vi: 'Thông tin cơ quan của thủ tục nêu một cơ quan đã chấm dứt hoạt động khi sắp xếp năm 2025 (catalog/bodies); quyết định định tuyến nêu cơ quan kế thừa theo quy định, hoặc ghi rõ thông tin đã cũ. Sửa thủ tục khi có quyết định công bố mới.',
    },
  },
  LEGAL_BASIS_NUMBER: {
    severity: CATALOG_ISSUE_SEVERITY.LEGAL_BASIS_NUMBER,
    title: { en: 'Legal-basis number unreadable', vi: 'Số, ký hiệu văn bản căn cứ không đọc được' },
    help: {
      en: 'A legal-basis `number` should read as number/year/type-issuer (123/2015/NĐ-CP) or number/type-issuer (237/NQ-UBTVQH16); write the text as `{ raw, reason }` when no number can be read.',
      vi: 'Trường `number` của căn cứ pháp lý phải có dạng số/năm/loại-cơ quan (123/2015/NĐ-CP) hoặc số/loại-cơ quan (237/NQ-UBTVQH16); ghi `{ raw, reason }` khi không đọc được số.',
    },
  },
  OVERRIDE_UNKNOWN_PROCEDURE: {
    severity: CATALOG_ISSUE_SEVERITY.OVERRIDE_UNKNOWN_PROCEDURE,
    title: { en: 'Override names an unknown procedure', vi: 'Ghi đè nêu thủ tục không có trong danh mục' },
    help: {
      en: 'Every code in an override\'s `select.codes` must be a procedure of the catalogue; fix or remove the code.',
      vi: 'Mọi mã trong `select.codes` của ghi đè phải là thủ tục có trong danh mục; sửa hoặc xóa mã.',
    },
  },
  OVERRIDE_SELECTS_NOTHING: {
    severity: CATALOG_ISSUE_SEVERITY.OVERRIDE_SELECTS_NOTHING,
    title: { en: 'Override selects no procedure', vi: 'Ghi đè không chọn thủ tục nào' },
    help: {
      en: 'The sector or name words of `select` match no procedure (sectors are compared after normalising case and tone marks); correct the selector or remove the override.',
      vi: 'Lĩnh vực hoặc từ trong tên của `select` không khớp thủ tục nào (so sánh sau khi chuẩn hóa chữ hoa và dấu); sửa bộ chọn hoặc xóa ghi đè.',
    },
  },
  OVERRIDE_CONFLICT: {
    severity: CATALOG_ISSUE_SEVERITY.OVERRIDE_CONFLICT,
    title: { en: 'Two overrides set the same thing', vi: 'Hai ghi đè cùng đặt một nội dung' },
    help: {
      en: 'Two overrides set the same field of the same procedure for overlapping dates: the deadline or the reading of hours of one channel, or the competence; the catalogue never picks one. Narrow one selector or its dates.',
      vi: 'Hai ghi đè cùng đặt một nội dung của cùng thủ tục trong thời gian chồng nhau: thời hạn hoặc cách tính giờ của một hình thức nộp, hoặc thẩm quyền; danh mục không tự chọn. Thu hẹp bộ chọn hoặc thời hạn hiệu lực của một ghi đè.',
    },
  },
  OVERRIDE_NO_EFFECT: {
    severity: CATALOG_ISSUE_SEVERITY.OVERRIDE_NO_EFFECT,
    title: { en: 'Override changes nothing', vi: 'Ghi đè không thay đổi gì' },
    help: {
      en: 'The procedures an override selects have none of its channels, or (for `hours`) no bare "N Giờ" deadline; check the selector and `channels`.',
      vi: 'Các thủ tục được chọn không có hình thức nộp của ghi đè, hoặc (với `hours`) không có thời hạn dạng "N Giờ"; kiểm tra bộ chọn và `channels`.',
    },
  },
});
