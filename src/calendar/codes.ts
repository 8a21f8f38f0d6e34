import { defineIssueCodes } from '../code-info.js';

/** Issue codes raised by the calendar module. */
export const CALENDAR_ISSUE_CODES = defineIssueCodes({
  CALENDAR_MISSING_FILE: {
    severity: 'error',
    title: { en: 'Calendar file missing', vi: 'Thiếu tệp lịch' },
    help: {
      en: 'The calendar needs one `kind: holiday-rules` file and one `kind: office-policy` file.',
      vi: 'Lịch cần một tệp `kind: holiday-rules` và một tệp `kind: office-policy`.',
    },
  },
  CALENDAR_UNKNOWN_PROVINCE: {
    severity: 'error',
    title: { en: 'Office policy for an unknown province', vi: 'Quy định giờ làm việc cho tỉnh không có trong danh mục' },
    help: {
      en: 'A key under `provinces:` of the office policy must be the 2-digit code of a province of the catalogue; a mistyped one would be ignored by routing.',
      vi: 'Mỗi khóa dưới `provinces:` của quy định giờ làm việc phải là mã 2 chữ số của một tỉnh trong danh mục; mã gõ sai sẽ bị bỏ qua khi định tuyến.',
    },
  },
  CALENDAR_DUPLICATE_FILE: {
    severity: 'error',
    title: { en: 'Calendar file given twice', vi: 'Tệp lịch bị trùng' },
    help: {
      en: 'Keep one holiday-rules file, one office-policy file and one calendar-year file per year.',
      vi: 'Chỉ giữ một tệp holiday-rules, một tệp office-policy và mỗi năm một tệp calendar-year.',
    },
  },
  CALENDAR_DATE_OUTSIDE_YEAR: {
    severity: 'error',
    title: { en: 'Date outside the year', vi: 'Ngày nằm ngoài năm' },
    help: { en: 'Every date in a calendar-year file must lie in its `year`.', vi: 'Mọi ngày trong tệp calendar-year phải thuộc năm ghi ở `year`.' },
  },
  CALENDAR_DUPLICATE_DATE: {
    severity: 'error',
    title: { en: 'Date listed twice', vi: 'Ngày bị liệt kê hai lần' },
    help: { en: 'List each date once, in daysOff or in makeUpDays.', vi: 'Mỗi ngày chỉ ghi một lần, trong daysOff hoặc makeUpDays.' },
  },
  CALENDAR_DAY_OFF_ON_REST_DAY: {
    severity: 'warning',
    title: { en: 'Day off on a weekly rest day', vi: 'Ngày nghỉ trùng ngày nghỉ hằng tuần' },
    help: {
      en: 'daysOff lists weekdays only; a holiday on a weekend is compensated by a separate weekday entry.',
      vi: 'daysOff chỉ ghi ngày trong tuần; ngày lễ trùng cuối tuần được nghỉ bù bằng một ngày khác.',
    },
  },
  CALENDAR_MAKE_UP_ON_WORKING_DAY: {
    severity: 'error',
    title: { en: 'Make-up day is already a working day', vi: 'Ngày làm bù vốn là ngày làm việc' },
    help: { en: 'A make-up day (ngày làm bù) must fall on a weekly rest day, usually a Saturday.', vi: 'Ngày làm bù phải rơi vào ngày nghỉ hằng tuần, thường là thứ Bảy.' },
  },
  CALENDAR_SWAP_MISMATCH: {
    severity: 'warning',
    title: { en: 'Swap without its other half', vi: 'Hoán đổi thiếu ngày tương ứng' },
    help: {
      en: 'A swapped day off and its make-up day must name each other in `swappedWith`.',
      vi: 'Ngày nghỉ hoán đổi và ngày làm bù phải ghi tên nhau ở `swappedWith`.',
    },
  },
  CALENDAR_UNKNOWN_HOLIDAY: {
    severity: 'warning',
    title: { en: 'Unknown holiday id', vi: 'Mã ngày lễ không xác định' },
    help: { en: 'Use an `id` from the holiday-rules file.', vi: 'Dùng một `id` có trong tệp holiday-rules.' },
  },
  CALENDAR_BAD_OFFICE_HOURS: {
    severity: 'error',
    title: { en: 'Office hours overlap or run backwards', vi: 'Giờ làm việc chồng lấn hoặc ngược' },
    help: { en: 'List periods in order, each ending after it starts, e.g. 08:00-12:00 then 13:00-17:00.', vi: 'Ghi các ca theo thứ tự, mỗi ca kết thúc sau khi bắt đầu, ví dụ 08:00-12:00 rồi 13:00-17:00.' },
  },
});
