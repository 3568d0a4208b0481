/**
 * The API's calls that take many ids or handles take at most a hundred at a time (R39's respond,
 * a page's or an event's invitations): a longer list goes in calls of a hundred, one after
 * another, and their answers' items come back together, in order.
 */
const PER_CALL = 100;

export async function inChunks<T, R>(items: T[], send: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const answers: R[] = [];
  for (let i = 0; i < items.length; i += PER_CALL) {
    answers.push(...(await send(items.slice(i, i + PER_CALL))));
  }
  return answers;
}
