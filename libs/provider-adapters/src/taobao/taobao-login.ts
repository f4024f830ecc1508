import type { LoginPageState, LoginStateReader } from '../login/screencast-login-stream';
import type { TaobaoProfile } from './taobao.profile';

/**
 * Reads the login page's state. Only the user-id cookie proves a login; the nickname comes from
 * its companion cookie. Challenges are recognised by where the page was sent or what it shows.
 */
export function taobaoLoginStateReader(
  profile: TaobaoProfile,
  selectors: { slider: string; errorData: string },
): LoginStateReader {
  return async (page, context): Promise<LoginPageState> => {
    const cookies = await context.context.cookies();
    const userId = cookies.find((cookie) => cookie.name === profile.cookies.userId);
    const nickname = profile.cookies.nicknames
      .map((name) => cookies.find((cookie) => cookie.name === name)?.value)
      .find((value) => value !== undefined && value !== '');
    if (userId?.value && nickname) {
      return { state: 'logged_in', nickname: decodeURIComponent(nickname) };
    }

    const url = page.url();
    if (url.includes(profile.urlMarkers.punish)) {
      return { state: 'challenge', kind: 'punish' };
    }
    if (url.includes(profile.urlMarkers.identityCheck)) {
      return { state: 'challenge', kind: 'sms' };
    }
    if (url.includes(profile.urlMarkers.qrLogin)) {
      return { state: 'challenge', kind: 'qr' };
    }

    const seen = await page.evaluate(
      (slider: string, errorData: string) => {
        const box = document.querySelector<HTMLElement>(slider);
        const error = document.querySelector(errorData)?.textContent ?? null;

        return { sliderShown: !!box && box.offsetParent !== null, error };
      },
      selectors.slider,
      selectors.errorData,
    );
    if (seen.sliderShown) {
      return { state: 'challenge', kind: 'slider' };
    }
    if (seen.error) {
      // A system error page ends the attempt; a wrong password stays on the form for a retry.
      const failure = JSON.parse(seen.error) as { code?: string; msg?: string };

      return { state: 'failed', reason: `${failure.code ?? ''} ${failure.msg ?? ''}`.trim() };
    }

    return { state: 'form' };
  };
}
