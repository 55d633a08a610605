import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { PasswordCard } from './password-card';
import { ProfileCard } from './profile-card';
import { TokensCard } from './tokens-card';

/** `/account`: the signed-in user's profile, password and API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ProfileCard />
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <TokensCard />
        </Col>
      </Row>
    </>
  );
}
