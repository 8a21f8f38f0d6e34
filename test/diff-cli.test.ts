import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInMemory } from './_memory-io.js';

const ROOT = new URL('..', import.meta.url).pathname;
const F = 'test/fixtures/diff';
const OLD = `${F}/changes/old`;
const NEW = `${F}/changes/new`;
const BASE = ['--data-base', `${F}/base`];
const tthc = runInMemory;


describe('tthc diff on two directories', () => {
  it('lists procedure, unit and rule changes and the routing changes as text', async () => {
    const { code, out, err } = await tthc(['diff', OLD, NEW, ...BASE]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "tthc diff test/fixtures/diff/changes/old -> test/fixtures/diff/changes/new

      Procedures: 1 added, 1 removed, 2 changed
      Units:      1 added, 0 removed, 0 changed
      Rules:      1 added, 1 removed, 1 changed
      Overrides:  0 added, 0 removed, 0 changed
      Bodies:     0 added, 0 removed, 0 changed
      Calendar:   unchanged
      Routing:    3 procedures decide differently (every procedure on both sides: 3 procedures, 10 requests compared)

      Procedures added
        + 1.003434 Hỗ trợ dự án liên kết (cấp xã) [commune]

      Procedures removed
        - 1.000125 Thủ tục đăng ký thay đổi khoản cho vay nước ngoài của tổ chức tín dụng, chi nhánh ngân hàng nước ngoài [central]

      Procedures changed
        ~ 1.000045 Xác nhận bảng kê lâm sản
            levels: province -> commune, province
        ~ 1.002211 Thủ tục công nhận hòa giải viên (cấp xã)
            competentAuthority: (none) -> Chủ tịch Ủy ban nhân dân cấp xã
            in-person.deadline: 5 working-days ("5 Ngày làm việc") -> 3 working-days ("03 Ngày làm việc")
            online.fee: free ("Miễn phí") -> 10000 VND ("10.000 đồng | hồ sơ")

      Units added
        + 00008 Phường Ngọc Hà (commune)

      Rules added
        + d118.in-person.own-commune.process (test/fixtures/diff/changes/new/rules/routing/national.yaml)
            office-action: action=process, reason=the office belongs to the competent commune

      Rules removed
        - d118.in-person.central-only.refuse (test/fixtures/diff/changes/old/rules/routing/national.yaml)
            office-action: action=refuse, reason=ministry-level procedures are not received at local one-stop offices, guidance=File online via the National Public Service Portal (dichvucong.gov.vn), by post, or at the ministry's one-stop office.

      Rules changed
        ~ d118.in-person.scope (test/fixtures/diff/changes/new/rules/routing/national.yaml)
            event: filing-scope: scope=province -> filing-scope: scope=nationwide

      Routing changes
        1.000045 Xác nhận bảng kê lâm sản
          in-person-home:
            competent.level: province -> undetermined (commune or province)
            competent.unit: 01 Thành phố Hà Nội -> (none)
            filingScope: province -> nationwide
          in-person-same-province:
            competent.level: province -> undetermined (commune or province)
            competent.unit: 01 Thành phố Hà Nội -> (none)
            filingScope: province -> nationwide
          in-person-other-province:
            competent.level: province -> undetermined (commune or province)
            competent.unit: 01 Thành phố Hà Nội -> (none)
            filingScope: province -> nationwide
          online:
            competent.level: province -> undetermined (commune or province)
            competent.unit: 01 Thành phố Hà Nội -> (none)
        1.000095 Miễn, giảm tiền dịch vụ môi trường rừng (đối với bên sử dụng dịch vụ môi trường rừng trong phạm vi nằm trên địa giới hành chính từ hai tỉnh trở lên)
          in-person-home:
            office.action: refuse -> undetermined
            dueDate: (none) -> 2026-03-23T17:00:00+07:00
        1.002211 Thủ tục công nhận hòa giải viên (cấp xã)
          in-person-home:
            competent.authority: (none) -> Chủ tịch Ủy ban nhân dân cấp xã
            office.action: receive-and-transfer -> process
            filingScope: province -> nationwide
            deadline: 5 working-days -> 3 working-days
            dueDate: 2026-03-09T17:00:00+07:00 -> 2026-03-05T17:00:00+07:00
          in-person-same-province:
            competent.authority: (none) -> Chủ tịch Ủy ban nhân dân cấp xã
            filingScope: province -> nationwide
            deadline: 5 working-days -> 3 working-days
            dueDate: 2026-03-09T17:00:00+07:00 -> 2026-03-05T17:00:00+07:00
          in-person-other-province:
            competent.authority: (none) -> Chủ tịch Ủy ban nhân dân cấp xã
            filingScope: province -> nationwide
            deadline: 5 working-days -> 3 working-days
          online:
            competent.authority: (none) -> Chủ tịch Ủy ban nhân dân cấp xã

      Standard requests
        received 2026-03-02T09:00:00+07:00; the applicant lives in Phường Ba Đình (00004), Thành phố Hà Nội (01)
        in-person-home: in person at Phường Ba Đình (00004), the commune of residence
        in-person-same-province: in person at Phường Hoàn Kiếm (00070), another commune of Thành phố Hà Nội (commune- and province-level procedures)
        in-person-other-province: in person at Phường Sài Gòn (26740), Thành phố Hồ Chí Minh (commune- and province-level procedures)
        online: online, through the National Public Service Portal
      "
    `);
  });

  it('writes the same diff as stable JSON', async () => {
    const { code, out } = await tthc(['diff', OLD, NEW, ...BASE, '--format', 'json']);
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "{
        "sides": {
          "old": "test/fixtures/diff/changes/old",
          "new": "test/fixtures/diff/changes/new"
        },
        "summary": {
          "procedures": {
            "added": 1,
            "removed": 1,
            "changed": 2
          },
          "units": {
            "added": 1,
            "removed": 0,
            "changed": 0
          },
          "rules": {
            "added": 1,
            "removed": 1,
            "changed": 1
          },
          "overrides": {
            "added": 0,
            "removed": 0,
            "changed": 0
          },
          "bodies": {
            "added": 0,
            "removed": 0,
            "changed": 0
          },
          "calendarChanged": false,
          "routingChanged": 3
        },
        "procedures": {
          "added": [
            {
              "code": "1.003434",
              "name": "Hỗ trợ dự án liên kết (cấp xã)",
              "levels": [
                "commune"
              ]
            }
          ],
          "removed": [
            {
              "code": "1.000125",
              "name": "Thủ tục đăng ký thay đổi khoản cho vay nước ngoài của tổ chức tín dụng, chi nhánh ngân hàng nước ngoài",
              "levels": [
                "central"
              ]
            }
          ],
          "changed": [
            {
              "code": "1.000045",
              "name": "Xác nhận bảng kê lâm sản",
              "changes": [
                {
                  "field": "levels",
                  "old": [
                    "province"
                  ],
                  "new": [
                    "commune",
                    "province"
                  ]
                }
              ]
            },
            {
              "code": "1.002211",
              "name": "Thủ tục công nhận hòa giải viên (cấp xã)",
              "changes": [
                {
                  "field": "competentAuthority",
                  "old": null,
                  "new": "Chủ tịch Ủy ban nhân dân cấp xã"
                },
                {
                  "field": "in-person.deadline",
                  "old": {
                    "status": "resolved",
                    "value": 5,
                    "unit": "working-days",
                    "raw": "5 Ngày làm việc"
                  },
                  "new": {
                    "status": "resolved",
                    "value": 3,
                    "unit": "working-days",
                    "raw": "03 Ngày làm việc"
                  }
                },
                {
                  "field": "online.fee",
                  "old": {
                    "raw": "Miễn phí",
                    "free": true
                  },
                  "new": {
                    "raw": "10.000 đồng | hồ sơ",
                    "amount": 10000
                  }
                }
              ]
            }
          ]
        },
        "units": {
          "added": [
            {
              "code": "00008",
              "level": "commune",
              "name": "Phường Ngọc Hà"
            }
          ],
          "removed": [],
          "changed": []
        },
        "rules": {
          "added": [
            {
              "id": "d118.in-person.own-commune.process",
              "description": "At the one-stop office of the applicant's own commune, a commune-level procedure is processed there.",
              "file": "test/fixtures/diff/changes/new/rules/routing/national.yaml",
              "effect": "office-action: action=process, reason=the office belongs to the competent commune"
            }
          ],
          "removed": [
            {
              "id": "d118.in-person.central-only.refuse",
              "description": "A procedure performed only at ministry level is not received at local one-stop offices unless a more specific rule assigns its receipt.",
              "file": "test/fixtures/diff/changes/old/rules/routing/national.yaml",
              "effect": "office-action: action=refuse, reason=ministry-level procedures are not received at local one-stop offices, guidance=File online via the National Public Service Portal (dichvucong.gov.vn), by post, or at the ministry's one-stop office."
            }
          ],
          "changed": [
            {
              "id": "d118.in-person.scope",
              "description": "In person, provincial and commune procedures may be filed at any one-stop office of the province.",
              "file": "test/fixtures/diff/changes/new/rules/routing/national.yaml",
              "changes": [
                {
                  "field": "event",
                  "old": {
                    "type": "filing-scope",
                    "params": {
                      "scope": "province"
                    }
                  },
                  "new": {
                    "type": "filing-scope",
                    "params": {
                      "scope": "nationwide"
                    }
                  }
                }
              ]
            }
          ]
        },
        "overrides": {
          "added": [],
          "removed": [],
          "changed": []
        },
        "bodies": {
          "added": [],
          "removed": [],
          "changed": []
        },
        "calendar": null,
        "routing": {
          "receivedAt": "2026-03-02T09:00:00+07:00",
          "requests": [
            {
              "id": "in-person-home",
              "description": "in person at Phường Ba Đình (00004), the commune of residence",
              "channel": "in-person",
              "office": "00004",
              "residence": "00004",
              "appliesTo": "all"
            },
            {
              "id": "in-person-same-province",
              "description": "in person at Phường Hoàn Kiếm (00070), another commune of Thành phố Hà Nội",
              "channel": "in-person",
              "office": "00070",
              "residence": "00004",
              "appliesTo": "local"
            },
            {
              "id": "in-person-other-province",
              "description": "in person at Phường Sài Gòn (26740), Thành phố Hồ Chí Minh",
              "channel": "in-person",
              "office": "26740",
              "residence": "00004",
              "appliesTo": "local"
            },
            {
              "id": "online",
              "description": "online, through the National Public Service Portal",
              "channel": "online",
              "office": null,
              "residence": "00004",
              "appliesTo": "all"
            }
          ],
          "scope": "all",
          "proceduresRouted": 3,
          "routes": 10,
          "changes": [
            {
              "procedure": "1.000045",
              "name": "Xác nhận bảng kê lâm sản",
              "request": "in-person-home",
              "changes": [
                {
                  "part": "competent.level",
                  "old": "province",
                  "new": "undetermined (commune or province)"
                },
                {
                  "part": "competent.unit",
                  "old": "01 Thành phố Hà Nội",
                  "new": null
                },
                {
                  "part": "filingScope",
                  "old": "province",
                  "new": "nationwide"
                }
              ]
            },
            {
              "procedure": "1.000045",
              "name": "Xác nhận bảng kê lâm sản",
              "request": "in-person-same-province",
              "changes": [
                {
                  "part": "competent.level",
                  "old": "province",
                  "new": "undetermined (commune or province)"
                },
                {
                  "part": "competent.unit",
                  "old": "01 Thành phố Hà Nội",
                  "new": null
                },
                {
                  "part": "filingScope",
                  "old": "province",
                  "new": "nationwide"
                }
              ]
            },
            {
              "procedure": "1.000045",
              "name": "Xác nhận bảng kê lâm sản",
              "request": "in-person-other-province",
              "changes": [
                {
                  "part": "competent.level",
                  "old": "province",
                  "new": "undetermined (commune or province)"
                },
                {
                  "part": "competent.unit",
                  "old": "01 Thành phố Hà Nội",
                  "new": null
                },
                {
                  "part": "filingScope",
                  "old": "province",
                  "new": "nationwide"
                }
              ]
            },
            {
              "procedure": "1.000045",
              "name": "Xác nhận bảng kê lâm sản",
              "request": "online",
              "changes": [
                {
                  "part": "competent.level",
                  "old": "province",
                  "new": "undetermined (commune or province)"
                },
                {
                  "part": "competent.unit",
                  "old": "01 Thành phố Hà Nội",
                  "new": null
                }
              ]
            },
            {
              "procedure": "1.000095",
              "name": "Miễn, giảm tiền dịch vụ môi trường rừng (đối với bên sử dụng dịch vụ môi trường rừng trong phạm vi nằm trên địa giới hành chính từ hai tỉnh trở lên)",
              "request": "in-person-home",
              "changes": [
                {
                  "part": "office.action",
                  "old": "refuse",
                  "new": "undetermined"
                },
                {
                  "part": "dueDate",
                  "old": null,
                  "new": "2026-03-23T17:00:00+07:00"
                }
              ]
            },
            {
              "procedure": "1.002211",
              "name": "Thủ tục công nhận hòa giải viên (cấp xã)",
              "request": "in-person-home",
              "changes": [
                {
                  "part": "competent.authority",
                  "old": null,
                  "new": "Chủ tịch Ủy ban nhân dân cấp xã"
                },
                {
                  "part": "office.action",
                  "old": "receive-and-transfer",
                  "new": "process"
                },
                {
                  "part": "filingScope",
                  "old": "province",
                  "new": "nationwide"
                },
                {
                  "part": "deadline",
                  "old": "5 working-days",
                  "new": "3 working-days"
                },
                {
                  "part": "dueDate",
                  "old": "2026-03-09T17:00:00+07:00",
                  "new": "2026-03-05T17:00:00+07:00"
                }
              ]
            },
            {
              "procedure": "1.002211",
              "name": "Thủ tục công nhận hòa giải viên (cấp xã)",
              "request": "in-person-same-province",
              "changes": [
                {
                  "part": "competent.authority",
                  "old": null,
                  "new": "Chủ tịch Ủy ban nhân dân cấp xã"
                },
                {
                  "part": "filingScope",
                  "old": "province",
                  "new": "nationwide"
                },
                {
                  "part": "deadline",
                  "old": "5 working-days",
                  "new": "3 working-days"
                },
                {
                  "part": "dueDate",
                  "old": "2026-03-09T17:00:00+07:00",
                  "new": "2026-03-05T17:00:00+07:00"
                }
              ]
            },
            {
              "procedure": "1.002211",
              "name": "Thủ tục công nhận hòa giải viên (cấp xã)",
              "request": "in-person-other-province",
              "changes": [
                {
                  "part": "competent.authority",
                  "old": null,
                  "new": "Chủ tịch Ủy ban nhân dân cấp xã"
                },
                {
                  "part": "filingScope",
                  "old": "province",
                  "new": "nationwide"
                },
                {
                  "part": "deadline",
                  "old": "5 working-days",
                  "new": "3 working-days"
                }
              ]
            },
            {
              "procedure": "1.002211",
              "name": "Thủ tục công nhận hòa giải viên (cấp xã)",
              "request": "online",
              "changes": [
                {
                  "part": "competent.authority",
                  "old": null,
                  "new": "Chủ tịch Ủy ban nhân dân cấp xã"
                }
              ]
            }
          ]
        }
      }
      "
    `);
  });

  it('writes a markdown pull-request comment with the counts first and pipes escaped', async () => {
    const { code, out } = await tthc(['diff', OLD, NEW, ...BASE, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(out.startsWith(`## tthc diff: \`${OLD}\` → \`${NEW}\`\n\n| | Added | Removed | Changed |`)).toBe(true);
    expect(out).toContain('10.000 đồng \\| hồ sơ');
    expect(out).toMatchInlineSnapshot(`
      "## tthc diff: \`test/fixtures/diff/changes/old\` → \`test/fixtures/diff/changes/new\`

      | | Added | Removed | Changed |
      | --- | ---: | ---: | ---: |
      | Procedures | 1 | 1 | 2 |
      | Units | 1 | 0 | 0 |
      | Rules | 1 | 1 | 1 |
      | Overrides | 0 | 0 | 0 |
      | Abolished bodies | 0 | 0 | 0 |

      **Calendar:** unchanged  
      **Routing:** 3 procedures decide differently (every procedure on both sides: 3 procedures, 10 requests compared)

      ### Procedures added (1)

      | Code | Name | Levels |
      | --- | --- | --- |
      | 1.003434 | Hỗ trợ dự án liên kết (cấp xã) | commune |

      ### Procedures removed (1)

      | Code | Name | Levels |
      | --- | --- | --- |
      | 1.000125 | Thủ tục đăng ký thay đổi khoản cho vay nước ngoài của tổ chức tín dụng, chi nhánh ngân hàng nước ngoài | central |

      ### Procedures changed (2)

      | Code | Name | Field | Old | New |
      | --- | --- | --- | --- | --- |
      | 1.000045 | Xác nhận bảng kê lâm sản | levels | province | commune, province |
      | 1.002211 | Thủ tục công nhận hòa giải viên (cấp xã) | competentAuthority | (none) | Chủ tịch Ủy ban nhân dân cấp xã |
      |  |  | in-person.deadline | 5 working-days ("5 Ngày làm việc") | 3 working-days ("03 Ngày làm việc") |
      |  |  | online.fee | free ("Miễn phí") | 10000 VND ("10.000 đồng \\| hồ sơ") |

      ### Units added (1)

      | Code | Name | Level |
      | --- | --- | --- |
      | 00008 | Phường Ngọc Hà | commune |

      ### Rules added (1)

      | Rule | File | Effect |
      | --- | --- | --- |
      | d118.in-person.own-commune.process | test/fixtures/diff/changes/new/rules/routing/national.yaml | office-action: action=process, reason=the office belongs to the competent commune |

      ### Rules removed (1)

      | Rule | File | Effect |
      | --- | --- | --- |
      | d118.in-person.central-only.refuse | test/fixtures/diff/changes/old/rules/routing/national.yaml | office-action: action=refuse, reason=ministry-level procedures are not received at local one-stop offices, guidance=File online via the National Public Service Portal (dichvucong.gov.vn), by post, or at the ministry's one-stop office. |

      ### Rules changed (1)

      | Rule | File | Field | Old | New |
      | --- | --- | --- | --- | --- |
      | d118.in-person.scope | test/fixtures/diff/changes/new/rules/routing/national.yaml | event | filing-scope: scope=province | filing-scope: scope=nationwide |

      ### Routing changes (3 procedures)

      <details><summary>26 rows</summary>

      | Procedure | Request | Part | Old | New |
      | --- | --- | --- | --- | --- |
      | 1.000045 Xác nhận bảng kê lâm sản | in-person-home | competent.level | province | undetermined (commune or province) |
      |  |  | competent.unit | 01 Thành phố Hà Nội | (none) |
      |  |  | filingScope | province | nationwide |
      |  | in-person-same-province | competent.level | province | undetermined (commune or province) |
      |  |  | competent.unit | 01 Thành phố Hà Nội | (none) |
      |  |  | filingScope | province | nationwide |
      |  | in-person-other-province | competent.level | province | undetermined (commune or province) |
      |  |  | competent.unit | 01 Thành phố Hà Nội | (none) |
      |  |  | filingScope | province | nationwide |
      |  | online | competent.level | province | undetermined (commune or province) |
      |  |  | competent.unit | 01 Thành phố Hà Nội | (none) |
      | 1.000095 Miễn, giảm tiền dịch vụ môi trường rừng (đối với bên sử dụng dịch vụ môi trường rừng trong phạm vi nằm trên địa giới hành chính từ hai tỉnh trở lên) | in-person-home | office.action | refuse | undetermined |
      |  |  | dueDate | (none) | 2026-03-23T17:00:00+07:00 |
      | 1.002211 Thủ tục công nhận hòa giải viên (cấp xã) | in-person-home | competent.authority | (none) | Chủ tịch Ủy ban nhân dân cấp xã |
      |  |  | office.action | receive-and-transfer | process |
      |  |  | filingScope | province | nationwide |
      |  |  | deadline | 5 working-days | 3 working-days |
      |  |  | dueDate | 2026-03-09T17:00:00+07:00 | 2026-03-05T17:00:00+07:00 |
      |  | in-person-same-province | competent.authority | (none) | Chủ tịch Ủy ban nhân dân cấp xã |
      |  |  | filingScope | province | nationwide |
      |  |  | deadline | 5 working-days | 3 working-days |
      |  |  | dueDate | 2026-03-09T17:00:00+07:00 | 2026-03-05T17:00:00+07:00 |
      |  | in-person-other-province | competent.authority | (none) | Chủ tịch Ủy ban nhân dân cấp xã |
      |  |  | filingScope | province | nationwide |
      |  |  | deadline | 5 working-days | 3 working-days |
      |  | online | competent.authority | (none) | Chủ tịch Ủy ban nhân dân cấp xã |

      </details>

      <details><summary>Standard requests</summary>

      - received 2026-03-02T09:00:00+07:00; the applicant lives in Phường Ba Đình (00004), Thành phố Hà Nội (01)
      - in-person-home: in person at Phường Ba Đình (00004), the commune of residence
      - in-person-same-province: in person at Phường Hoàn Kiếm (00070), another commune of Thành phố Hà Nội (commune- and province-level procedures)
      - in-person-other-province: in person at Phường Sài Gòn (26740), Thành phố Hồ Chí Minh (commune- and province-level procedures)
      - online: online, through the National Public Service Portal

      </details>
      "
    `);
  });

  it('finds no differences between a directory and itself', async () => {
    const { code, out } = await tthc(['diff', OLD, OLD, ...BASE, '--exit-code']);
    expect(code).toBe(0);
    expect(out).toMatchInlineSnapshot(`
      "tthc diff test/fixtures/diff/changes/old -> test/fixtures/diff/changes/old

      Procedures: 0 added, 0 removed, 0 changed
      Units:      0 added, 0 removed, 0 changed
      Rules:      0 added, 0 removed, 0 changed
      Overrides:  0 added, 0 removed, 0 changed
      Bodies:     0 added, 0 removed, 0 changed
      Calendar:   unchanged
      Routing:    not compared (no procedure, unit, rule, override or calendar change)

      No differences.
      "
    `);
    const json = JSON.parse((await tthc(['diff', OLD, OLD, ...BASE, '--format', 'json'])).out);
    expect(json.procedures).toEqual({ added: [], removed: [], changed: [] });
    expect(json.rules).toEqual({ added: [], removed: [], changed: [] });
    expect(json.routing.changes).toEqual([]);
    expect(json.routing.scope).toBe('none');
  });

  it('exits 1 on differences with --exit-code', async () => {
    expect((await tthc(['diff', OLD, NEW, ...BASE, '--exit-code'])).code).toBe(1);
  });

  it('writes the report in Vietnamese with --lang vi, text and markdown', async () => {
    const text = await tthc(['diff', OLD, NEW, ...BASE, '--lang', 'vi']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('thêm 1, xóa 1, thay đổi 2');
    expect(text.out).toContain('Các yêu cầu mẫu');
    expect(text.out).not.toMatch(/Procedures|added|removed|decide differently|Standard requests/);
    const markdown = await tthc(['diff', OLD, NEW, ...BASE, '--lang', 'vi', '--format', 'markdown']);
    expect(markdown.out).toContain('| Thủ tục |');
    expect(markdown.out).not.toMatch(/\| Procedures \||Routing changes/);
  });
});

describe('tthc diff errors', () => {
  it('is a usage error (exit 2) for a side that is neither a directory nor a git ref', async () => {
    const { code, out, err } = await tthc(['diff', 'no-such-ref-or-dir', NEW, ...BASE]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('"no-such-ref-or-dir" is neither a directory nor a git ref');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('is a usage error without two sides or with an unknown format', async () => {
    expect((await tthc(['diff', OLD])).code).toBe(2);
    expect((await tthc(['diff', OLD, NEW, '--format', 'html'])).code).toBe(2);
  });

  it('exits 1 with the count of errors and a hint to validate when a side has invalid data', async () => {
    const { code, err } = await tthc(['diff', `${F}/invalid`, NEW, ...BASE]);
    expect(code).toBe(1);
    expect(err).toMatch(/^tthc diff: the old data \(test\/fixtures\/diff\/invalid\) has 1 error, first test\/fixtures\/diff\/invalid\/catalog\/procedures\.yaml:14:9 /);
    expect(err).toContain('run "tthc validate" on it');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 1 and suggests --data-base when a side lacks a part routing needs', async () => {
    const { code, err } = await tthc(['diff', OLD, NEW]);
    expect(code).toBe(1);
    expect(err).toBe(
      'tthc diff: the old data (test/fixtures/diff/changes/old) has no calendar files; pass --data-base <dir> to take missing parts from another data directory\n',
    );
  });
});

describe('tthc diff on git refs', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=tthc', '-c', 'user.email=tthc@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
  const checkIn = (side: string, message: string) => {
    rmSync(join(repo, 'catalog'), { recursive: true, force: true });
    rmSync(join(repo, 'rules'), { recursive: true, force: true });
    cpSync(join(ROOT, side, 'catalog'), join(repo, 'catalog'), { recursive: true });
    cpSync(join(ROOT, side, 'rules'), join(repo, 'rules'), { recursive: true });
    cpSync(join(ROOT, F, 'base', 'rules', 'calendar'), join(repo, 'rules', 'calendar'), { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'tthc-diff-'));
    git('init', '-q');
    checkIn(OLD, 'old');
    checkIn(NEW, 'new');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('compares two commits by ref, reading catalog/ and rules/ from the tree', async () => {
    const byRef = await tthc(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
    expect(byRef.err).toBe('');
    expect(byRef.code).toBe(0);
    const byDir = await tthc(['diff', OLD, NEW, ...BASE, '--format', 'json']);
    const refJson = JSON.parse(byRef.out);
    const dirJson = JSON.parse(byDir.out);
    expect(refJson.sides).toEqual({ old: 'HEAD~1', new: 'HEAD' });
    expect(refJson.summary).toEqual(dirJson.summary);
    expect(refJson.procedures).toEqual(dirJson.procedures);
    expect(refJson.routing).toEqual(dirJson.routing);
    expect(refJson.rules.added[0].file).toBe('rules/routing/national.yaml');
  });

  it('compares a ref with the working directory', async () => {
    const { code, out } = await tthc(['diff', 'HEAD', '.', '--exit-code'], repo);
    expect(code).toBe(0);
    expect(out).toContain('No differences.');
  });

  it('prefers a directory over a ref of the same name', async () => {
    const dir = join(repo, 'HEAD~1');
    mkdirSync(dir);
    try {
      cpSync(join(repo, 'catalog'), join(dir, 'catalog'), { recursive: true });
      cpSync(join(repo, 'rules'), join(dir, 'rules'), { recursive: true });
      const { code, out } = await tthc(['diff', 'HEAD~1', 'HEAD', '--exit-code'], repo);
      expect(out).toContain('No differences.');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a usage error (exit 2) for an unknown ref', async () => {
    const { code, err } = await tthc(['diff', 'no-such-branch', 'HEAD'], repo);
    expect(code).toBe(2);
    expect(err).toContain('"no-such-branch" is neither a directory nor a git ref');
  });
});
