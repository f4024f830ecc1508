export const ACTIVITIES_PATH = '/plugins/autobuy';

export function activityPath(activityId: string): string {
  return `${ACTIVITIES_PATH}/activities/${encodeURIComponent(activityId)}`;
}
