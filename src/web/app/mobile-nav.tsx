import { Drawer } from 'antd';
import type { ReactNode } from 'react';

type Props = { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode };

/** The side menu as a drawer on phones (loaded only on narrow screens). */
export function MobileNav({ open, onClose, title, children }: Props) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={260}
      title={title}
      styles={{ body: { padding: 0 } }}
      data-testid="side-drawer"
    >
      {children}
    </Drawer>
  );
}
