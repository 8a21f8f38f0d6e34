import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised while reading a YAML file, before any schema applies. */
export const SOURCE_ISSUE_CODES = defineIssueCodes({
  FILE_TOO_LARGE: {
    severity: 'error',
    title: { en: 'File too large', vi: 'Tệp quá lớn' },
    help: { en: 'Split the file (one sector or one province per file).', vi: 'Tách tệp (mỗi lĩnh vực hoặc mỗi tỉnh một tệp).' },
  },
  FILE_NOT_TEXT: {
    severity: 'error',
    title: { en: 'File is binary', vi: 'Tệp không phải văn bản' },
    help: { en: 'Catalogue files are UTF-8 YAML text without control characters.', vi: 'Tệp danh mục phải là văn bản YAML UTF-8, không chứa ký tự điều khiển.' },
  },
  FILE_NOT_UTF8: {
    severity: 'error',
    title: { en: 'File is not valid UTF-8', vi: 'Tệp không đúng mã UTF-8' },
    help: { en: 'Save the file as UTF-8 (Unicode), not TCVN3 or Windows-1258.', vi: 'Lưu tệp dưới dạng UTF-8 (Unicode), không dùng TCVN3 hay Windows-1258.' },
  },
  FILE_UNREADABLE: {
    severity: 'error',
    title: { en: 'File cannot be read', vi: 'Không đọc được tệp' },
    help: { en: 'Check the path and its permissions.', vi: 'Kiểm tra đường dẫn và quyền truy cập.' },
  },
  YAML_SYNTAX: {
    severity: 'error',
    title: { en: 'YAML syntax error', vi: 'Lỗi cú pháp YAML' },
    help: { en: 'Fix the YAML at the given position (indentation, quotes, colons).', vi: 'Sửa YAML tại vị trí đã chỉ (thụt lề, dấu nháy, dấu hai chấm).' },
  },
  YAML_DUPLICATE_KEY: {
    severity: 'error',
    title: { en: 'Duplicate key', vi: 'Khóa bị trùng' },
    help: { en: 'Each key may appear once in a map; remove or rename the second one.', vi: 'Mỗi khóa chỉ xuất hiện một lần trong một bảng; xóa hoặc đổi tên khóa thứ hai.' },
  },
  YAML_ALIAS_LIMIT: {
    severity: 'error',
    title: { en: 'Too many alias expansions', vi: 'Quá nhiều tham chiếu bí danh' },
    help: { en: 'Aliases that expand exponentially (an alias bomb) are refused; write the values out.', vi: 'Bí danh mở rộng theo cấp số nhân bị từ chối; hãy viết trực tiếp giá trị.' },
  },
  YAML_TOO_DEEP: {
    severity: 'error',
    title: { en: 'Nesting too deep', vi: 'Lồng nhau quá sâu' },
    help: { en: 'Catalogue and rule files never need this much nesting; flatten the structure.', vi: 'Tệp danh mục và quy tắc không cần lồng sâu như vậy; hãy làm phẳng cấu trúc.' },
  },
  YAML_ANCHOR_LIMIT: {
    severity: 'error',
    title: { en: 'Too many anchors', vi: 'Quá nhiều neo YAML' },
    help: { en: 'Data files need few anchors (&name), if any; write the values out.', vi: 'Tệp dữ liệu hầu như không cần neo (&tên); hãy viết trực tiếp giá trị.' },
  },
  YAML_TOO_COMPLEX: {
    severity: 'error',
    title: { en: 'Large file beyond plain block YAML', vi: 'Tệp lớn dùng YAML ngoài dạng khối đơn giản' },
    help: {
      en: 'Large files are read in linear time only when written in plain block style, as the shipped files are: indented maps and "- " lists, [a, b] and {a: b} each on one line, an anchor only on a map value (key: &name) and an alias only standing alone (key: *name), no tags; or split the file.',
      vi: 'Tệp lớn chỉ được đọc nhanh khi viết dạng khối đơn giản như các tệp đi kèm: bảng thụt lề và danh sách "- ", [a, b] và {a: b} viết trên một dòng, neo chỉ đặt ở giá trị của khóa (khóa: &tên) và bí danh chỉ đứng riêng (khóa: *tên), không dùng thẻ; hoặc tách tệp.',
    },
  },
  TEXT_CONTROL_CHARACTER: {
    severity: 'error',
    title: { en: 'Control character in text', vi: 'Ký tự điều khiển trong văn bản' },
    help: {
      en: 'Texts hold printable characters, tab and line breaks only; remove escapes such as "\\e" or "\\u0007", which would reach screens and printed slips.',
      vi: 'Văn bản chỉ chứa ký tự in được, tab và xuống dòng; bỏ các chuỗi thoát như "\\e" hay "\\u0007", vốn sẽ hiện ra màn hình và phiếu in.',
    },
  },
  YAML_FORBIDDEN_KEY: {
    severity: 'error',
    title: { en: 'Forbidden key', vi: 'Khóa bị cấm' },
    help: { en: 'Keys such as __proto__, constructor and prototype are refused to protect the programs that read the data.', vi: 'Các khóa như __proto__, constructor, prototype bị từ chối để bảo vệ chương trình đọc dữ liệu.' },
  },
  YAML_CUSTOM_TAG: {
    severity: 'error',
    title: { en: 'Custom tag', vi: 'Thẻ YAML tùy biến' },
    help: { en: 'Remove the explicit tag (such as !!binary or !foo): only plain YAML values are accepted.', vi: 'Bỏ thẻ tường minh (như !!binary hay !foo): chỉ chấp nhận giá trị YAML thông thường.' },
  },
  YAML_COMPLEX_KEY: {
    severity: 'error',
    title: { en: 'Key is not a scalar', vi: 'Khóa không phải giá trị đơn' },
    help: { en: 'Map keys must be plain strings.', vi: 'Khóa của bảng phải là chuỗi thông thường.' },
  },
  YAML_MULTIPLE_DOCUMENTS: {
    severity: 'error',
    title: { en: 'More than one YAML document', vi: 'Nhiều hơn một tài liệu YAML' },
    help: { en: 'Put one document per file (remove the extra ---).', vi: 'Mỗi tệp một tài liệu (bỏ dấu --- thừa).' },
  },
  YAML_EMPTY: {
    severity: 'error',
    title: { en: 'Empty file', vi: 'Tệp rỗng' },
    help: { en: 'A data file starts with `kind:` and holds at least that key.', vi: 'Tệp dữ liệu bắt đầu bằng `kind:` và có ít nhất khóa đó.' },
  },
  SCHEMA_UNKNOWN_KEY: {
    severity: 'error',
    title: { en: 'Unknown key', vi: 'Khóa không hợp lệ' },
    help: { en: 'Remove the key or fix its spelling; the JSON Schema in schema/ lists the allowed keys.', vi: 'Xóa khóa hoặc sửa chính tả; JSON Schema trong schema/ liệt kê các khóa hợp lệ.' },
  },
  SCHEMA_MISSING_KEY: {
    severity: 'error',
    title: { en: 'Missing key', vi: 'Thiếu khóa' },
    help: { en: 'Add the required key to the map.', vi: 'Thêm khóa bắt buộc vào bảng.' },
  },
  SCHEMA_INVALID_TYPE: {
    severity: 'error',
    title: { en: 'Wrong type', vi: 'Sai kiểu dữ liệu' },
    help: { en: 'Give a value of the expected type (quote codes such as "01" so they stay strings).', vi: 'Nhập giá trị đúng kiểu (đặt mã như "01" trong dấu nháy để giữ dạng chuỗi).' },
  },
  SCHEMA_INVALID_VALUE: {
    severity: 'error',
    title: { en: 'Invalid value', vi: 'Giá trị không hợp lệ' },
    help: { en: 'Use one of the allowed values or formats.', vi: 'Dùng một trong các giá trị hoặc định dạng cho phép.' },
  },
  FILE_TOO_MANY_ISSUES: {
    severity: 'error',
    title: { en: 'Too many issues to list', vi: 'Quá nhiều lỗi để liệt kê' },
    help: { en: 'Fix the issues listed first, then validate again to see the rest.', vi: 'Sửa các lỗi đã liệt kê rồi kiểm tra lại để xem các lỗi còn lại.' },
  },
  UNKNOWN_FILE_KIND: {
    severity: 'error',
    title: { en: 'Unknown file kind', vi: 'Loại tệp không xác định' },
    help: { en: 'Start the file with `kind:` and one of the documented kinds.', vi: 'Bắt đầu tệp bằng `kind:` và một loại tệp đã mô tả trong tài liệu.' },
  },
});
