import { Alert } from 'antd';
import { Link } from 'react-router';
import type { DuplicateRef } from '../../../core/accounts/schemas';

type Props = { duplicates: readonly DuplicateRef[]; title: string; text: string; basePath: '/accounts' | '/contacts'; onClose: () => void };

/** The warning after creating a customer or contact that looks like one the workspace has: links to the others. */
export function DuplicateAlert({ duplicates, title, text, basePath, onClose }: Props) {
  if (duplicates.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose }}
      className="qd-block-gap"
      data-testid="duplicate-warning"
      title={title}
      description={
        <>
          {text}{' '}
          {duplicates.map((duplicate, index) => (
            <span key={duplicate.id}>
              {index > 0 && '、'}
              <Link to={`${basePath}/${duplicate.id}`} data-testid="duplicate-link">
                {duplicate.name}
              </Link>
            </span>
          ))}
        </>
      }
    />
  );
}
