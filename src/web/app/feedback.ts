import type { App } from 'antd';

type Feedback = ReturnType<typeof App.useApp>;

/** antd's App hooks, kept here so code outside React (the query client's error handlers) can show messages in context. */
let current: Feedback | null = null;

export function setFeedback(feedback: Feedback): void {
  current = feedback;
}

export function feedback(): Feedback | null {
  return current;
}
