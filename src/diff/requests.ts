/**
 * The standard requests a diff routes every affected procedure with: fixed real units and a fixed receipt time, so
 * the same two datasets always give the same diff.
 */
import type { StandardRequest } from './types.js';

/** Receipt time of every standard request: Monday 2 March 2026, 09:00 in Vietnam (a working day). */
export const STANDARD_RECEIVED_AT = '2026-03-02T09:00:00+07:00';

/** The units the standard requests use, with their names, so a reader of the diff knows where they stand. */
export const STANDARD_UNITS = Object.freeze({
  /** Phường Ba Đình, Hà Nội: the applicant's residence and home office. */
  residence: Object.freeze({ code: '00004', name: 'Phường Ba Đình', province: '01', provinceName: 'Thành phố Hà Nội' }),
  /** Phường Hoàn Kiếm, Hà Nội: another commune of the same province. */
  sameProvince: Object.freeze({ code: '00070', name: 'Phường Hoàn Kiếm', province: '01', provinceName: 'Thành phố Hà Nội' }),
  /** Phường Sài Gòn, Thành phố Hồ Chí Minh: a commune of another province. */
  otherProvince: Object.freeze({ code: '26740', name: 'Phường Sài Gòn', province: '79', provinceName: 'Thành phố Hồ Chí Minh' }),
});

const { residence, sameProvince, otherProvince } = STANDARD_UNITS;

/**
 * The standard requests, in the order a diff lists them. Procedures with a commune or province level are routed
 * with all four; central-only and other-only procedures with `in-person-home` and `online`.
 */
export const STANDARD_REQUESTS: readonly StandardRequest[] = Object.freeze(
  [
    {
      id: 'in-person-home',
      description: `in person at ${residence.name} (${residence.code}), the commune of residence`,
      descriptionVi: `nộp trực tiếp tại ${residence.name} (${residence.code}), đơn vị hành chính cấp xã nơi người nộp hồ sơ cư trú`,
      channel: 'in-person',
      office: residence.code,
      residence: residence.code,
      appliesTo: 'all',
    },
    {
      id: 'in-person-same-province',
      description: `in person at ${sameProvince.name} (${sameProvince.code}), another commune of ${sameProvince.provinceName}`,
      descriptionVi: `nộp trực tiếp tại ${sameProvince.name} (${sameProvince.code}), một đơn vị hành chính cấp xã khác thuộc ${sameProvince.provinceName}`,
      channel: 'in-person',
      office: sameProvince.code,
      residence: residence.code,
      appliesTo: 'local',
    },
    {
      id: 'in-person-other-province',
      description: `in person at ${otherProvince.name} (${otherProvince.code}), ${otherProvince.provinceName}`,
      descriptionVi: `nộp trực tiếp tại ${otherProvince.name} (${otherProvince.code}), thuộc ${otherProvince.provinceName}`,
      channel: 'in-person',
      office: otherProvince.code,
      residence: residence.code,
      appliesTo: 'local',
    },
    {
      id: 'online',
      description: 'online, through the National Public Service Portal',
      descriptionVi: 'nộp trực tuyến qua Cổng Dịch vụ công quốc gia',
      channel: 'online',
      office: null,
      residence: residence.code,
      appliesTo: 'all',
    },
  ].map((request) => Object.freeze(request as StandardRequest)),
);

/** True when the procedure's levels call for the local requests (it is performed at a commune or province). */
export function isLocalProcedure(levels: readonly string[]): boolean {
  return levels.includes('commune') || levels.includes('province');
}
