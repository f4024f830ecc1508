import { escapeHtml } from './html';

export interface LoginPageInput {
  redirectURL: string;
  loginId: string;
  error: { code: string; text: string } | null;
  ncSessionId: string | null;
}

function sliderBlock(ncSessionId: string): string {
  return `<div id="nocaptcha">
<input type="hidden" id="nc_session_id" name="ncSessionId" value="${escapeHtml(ncSessionId)}">
<div id="nc_1_n1t"><span id="nc_1__scale_text">请按住滑块，拖动到最右边</span>
<span id="nc_1_n1z">&gt;&gt;</span></div>
</div>`;
}

export function loginPageBody(input: LoginPageInput): string {
  const error = input.error
    ? `<div id="login-error" data-code="${escapeHtml(input.error.code)}">
<span class="login-error-msg">${escapeHtml(input.error.text)}</span></div>`
    : '<div id="login-error" style="display:none"></div>';

  const slider = input.ncSessionId
    ? sliderBlock(input.ncSessionId)
    : '<div id="nocaptcha" style="display:none"></div>';
  const qrLink = `/newlogin/qrcode/login.htm?redirectURL=${encodeURIComponent(input.redirectURL)}`;

  return `<h2>密码登录</h2>
${error}
<form id="login-form" method="post" action="/newlogin/login.do">
<input type="hidden" name="redirectURL" value="${escapeHtml(input.redirectURL)}">
<p><input id="fm-login-id" name="loginId" placeholder="会员名/邮箱/手机号"
  value="${escapeHtml(input.loginId)}"></p>
<p><input id="fm-login-password" name="password" type="password" placeholder="请输入登录密码"></p>
${slider}
<input type="hidden" id="nc_token" name="ncToken" value="">
<p><button type="submit" id="fm-login-submit" class="fm-button fm-submit password-login">
登录</button></p>
</form>
<p><a id="J_QRCodeLoginLink" href="${qrLink}">扫码登录</a></p>`;
}

export function sliderOnlyBody(title: string, ncSessionId: string): string {
  return `<h2>${escapeHtml(title)}</h2>${sliderBlock(ncSessionId)}`;
}

export function smsPageBody(token: string, maskedMobile: string, error: string | null): string {
  return `<h2>安全验证</h2>
<p>为了你的账户安全，请完成身份验证</p>
<p>手机号码：<span id="J_Phone">${escapeHtml(maskedMobile)}</span>
<button type="button" id="J_GetCode">发送验证码</button> <span id="J_SendHint"></span></p>
${error ? `<p class="error-msg" data-code="SMS_CODE_WRONG">${escapeHtml(error)}</p>` : ''}
<form id="J_SmsForm" method="post" action="/iv/normal_validate.do">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p>校验码：<input id="J_Checkcode" name="checkCode" maxlength="6"></p>
<p><button type="submit" id="J_SubmitCode">确定</button></p>
</form>`;
}

export function qrPageBody(t: string, redirectURL: string): string {
  const back = encodeURIComponent(redirectURL);
  const refresh = `/newlogin/qrcode/login.htm?refresh=${encodeURIComponent(t)}&redirectURL=${back}`;

  return `<h2>手机扫码，安全登录</h2>
<p>请使用手机淘宝扫码登录</p>
<div id="J_QRCode" data-t="${escapeHtml(t)}"
  style="border:1px solid #ccc;padding:24px;width:260px;word-break:break-all">${escapeHtml(t)}</div>
<p><span id="J_QRCodeStatus" data-status="NEW">等待扫码</span>
<a id="J_QRCodeRefresh" style="display:none" href="${refresh}">刷新二维码</a></p>
<p><a href="/member/login.jhtml?redirectURL=${encodeURIComponent(redirectURL)}">密码登录</a></p>`;
}

export function qrConfirmBody(t: string, login: string, message: string | null): string {
  return `<h2>手机淘宝 - 登录确认</h2>
${message ? `<p id="J_QrMessage">${escapeHtml(message)}</p>` : ''}
<form id="J_QrConfirmForm" method="post" action="/qrcodeCheck.do">
<input type="hidden" name="lgToken" value="${escapeHtml(t)}">
<p>账号：<input id="J_QrLogin" name="login" value="${escapeHtml(login)}"></p>
<p><button type="submit" id="J_QrScan" name="action" value="scan">扫码</button>
<button type="submit" id="J_QrConfirm" name="action" value="confirm">确认登录</button>
<button type="submit" id="J_QrCancel" name="action" value="cancel">取消</button></p>
</form>`;
}
