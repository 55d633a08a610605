import { message } from 'antd';
import { useEffect } from 'react';
import { attachToasts } from './feedback';

/** antd's message holder; it shows the messages queued before it loaded, then every new one. */
export function MessageHost() {
  const [api, holder] = message.useMessage();
  useEffect(() => {
    attachToasts(({ kind, content, duration }) => void api[kind]({ content, duration }));
  }, [api]);
  return holder;
}
