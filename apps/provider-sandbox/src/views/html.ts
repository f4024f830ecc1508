// Tiny HTML helpers: the Sandbox renders its pages as strings, like the server-side templates
// of the site it imitates.
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// JSON inside <script> must not be able to close the element early.
export function embedJson(id: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, '');

  return `<script type="application/json" id="${id}">${json}</script>`;
}

export interface LayoutInput {
  title: string;
  nick: string | null;
  body: string;
  script?: string;
}

export function layout(input: LayoutInput): string {
  const nav = input.nick
    ? `<span class="site-nav-login-info-nick">${escapeHtml(input.nick)}</span>
       <a href="/member/logout.jhtml" id="J_Logout">退出</a>`
    : `<a href="/member/login.jhtml" id="J_SiteNavLoginLink">亲，请登录</a>`;

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(input.title)}</title>
<style>
body { font-family: sans-serif; margin: 0; color: #3c3c3c; }
#J_SiteNav { background: #f5f5f5; padding: 6px 16px; font-size: 12px; }
#J_SiteNav a { margin-left: 12px; color: #6c6c6c; }
main { padding: 16px 24px; max-width: 1000px; }
.error-msg, .login-error-msg { color: #ff0036; }
.tb-selected { outline: 2px solid #ff5000; }
button, .btn { background: #ff5000; color: #fff; border: 0; padding: 6px 16px; cursor: pointer; }
table { border-collapse: collapse; } td, th { border: 1px solid #eee; padding: 4px 8px; }
#nocaptcha { margin: 12px 0; }
#nc_1_n1t { position: relative; width: 300px; height: 34px; background: #e8e8e8; }
#nc_1_n1z { position: absolute; left: 0; top: 0; width: 40px; height: 34px; background: #fff;
  border: 1px solid #ccc; box-sizing: border-box; cursor: move; user-select: none; }
#nc_1__scale_text { position: absolute; left: 50px; top: 8px; font-size: 12px; }
</style>
</head>
<body>
<div id="J_SiteNav"><span id="J_SiteNavLogin">${nav}</span>
<a href="/cart">购物车</a><a href="/trade/itemlist/list_bought_items.htm">已买到的宝贝</a></div>
<main>
${input.body}
</main>
${input.script ? `<script>${input.script}</script>` : ''}
</body>
</html>`;
}
