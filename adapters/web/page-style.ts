/**
 * The page's styles. The font stack names the common CJK families so Chinese never falls back
 * to empty boxes where a CJK font is installed (Debian: fonts-noto-cjk).
 */
export const PAGE_STYLE = `
:root{--font:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
*{box-sizing:border-box}
body{font:15px/1.45 var(--font);margin:0;display:flex;flex-direction:column;height:100vh;height:100dvh;background:#f4f5f7;color:#111827}
button,input,select{font:inherit}
header{padding:8px 12px;background:#1f2937;color:#fff;display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center}
header label{display:flex;gap:6px;align-items:center;flex:1 1 14rem;min-width:0}
#who{flex:1;min-width:0;max-width:28rem;padding:4px}
#live{font-size:12px;color:#9ca3af}body[data-live=open] #live{color:#86efac}
#log{flex:1;overflow:auto;padding:12px;display:flex;flex-direction:column;gap:10px;position:relative}
.entry{display:flex;flex-direction:column;max-width:min(42rem,85%);min-width:0}
.entry.me{align-self:flex-end;align-items:flex-end}
.meta{font-size:12px;color:#6b7280;margin:0 4px 2px}
.msg{padding:8px 10px;border-radius:10px;background:#fff;white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}
.me .msg{background:#dbeafe}
.notice .msg,.notice .card{border-left:4px solid #8b5cf6;background:#faf5ff}
.notice .meta::before{content:"🔔 "}
.error .msg{background:#fee2e2}.pending .msg{opacity:.6}
.card{background:#fff;border:1px solid #d1d5db;border-radius:10px;padding:10px;min-width:0;overflow-wrap:anywhere}
.card h3{margin:0 0 4px;font-size:16px}.card .sub{color:#6b7280;margin-bottom:6px}
.card dl{display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);gap:2px 10px;margin:6px 0}
.card dt{color:#6b7280}.card dd{margin:0;white-space:pre-wrap}.card .body{white-space:pre-wrap;margin:6px 0}
.status-approved{border-left:4px solid #16a34a}.status-rejected{border-left:4px solid #dc2626}
.status-pending{border-left:4px solid #f59e0b}.status-done{border-left:4px solid #16a34a}
.card button{margin:4px 4px 0 0;padding:4px 10px;border-radius:6px;border:1px solid #d1d5db;background:#f9fafb}
.card .primary{background:#2563eb;border-color:#2563eb;color:#fff}.card .danger{background:#dc2626;border-color:#dc2626;color:#fff}
.new-marker{align-self:stretch;text-align:center;color:#dc2626;font-size:12px;border-top:1px solid #fca5a5;margin-top:4px}
#below{position:sticky;bottom:0;align-self:center;display:none;border-radius:14px;border:0;padding:4px 12px;background:#2563eb;color:#fff}
#below.show{display:block}
#send{display:flex;gap:8px;padding:8px;background:#fff;border-top:1px solid #d1d5db}#text{flex:1;min-width:0;padding:8px}
.form{align-self:flex-start;width:min(30rem,95%)}.form .field{display:flex;flex-direction:column;gap:2px;margin:6px 0}
.form .label{color:#374151}.form .required{color:#dc2626}
.form input,.form select,.form textarea{padding:6px;border:1px solid #d1d5db;border-radius:6px;background:#fff}
.form textarea{min-height:4rem;resize:vertical}.form [aria-invalid=true]{border-color:#dc2626}
.card img.chart{display:block;max-width:100%;height:auto;margin:6px 0;background:#fff}
.field-error{color:#dc2626;font-size:13px}.field-error:empty{display:none}
@media (max-width:600px){.entry{max-width:95%}header strong{display:none}}
`;
