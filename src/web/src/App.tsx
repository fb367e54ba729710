import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading, NotFound } from './components/States';
import { RequireAuth } from './components/RequireAuth';
import { HomePage } from './pages/donor/HomePage';
import { CampaignPage } from './pages/donor/CampaignPage';

// The pages a donor arriving from a shared link needs first are in the main bundle; the rest load on demand.
const CampaignsPage = lazy(() => import('./pages/donor/CampaignsPage'));
const DonatePage = lazy(() => import('./pages/donor/DonatePage'));
const DonationResultPage = lazy(() => import('./pages/donor/DonationResultPage'));
const MyDonationsPage = lazy(() => import('./pages/donor/MyDonationsPage'));
const GuestHistoryPage = lazy(() => import('./pages/donor/GuestHistoryPage'));
const GuestHistoryRequestPage = lazy(() => import('./pages/donor/GuestHistoryRequestPage'));
const SignInPage = lazy(() => import('./pages/account/SignInPage'));
const RegisterPage = lazy(() => import('./pages/account/RegisterPage'));
const ProfilePage = lazy(() => import('./pages/account/ProfilePage'));
const VerifyEmailPage = lazy(() => import('./pages/account/VerifyEmailPage'));
const MyCampaignsPage = lazy(() => import('./pages/organiser/MyCampaignsPage'));
const CampaignEditorPage = lazy(() => import('./pages/organiser/CampaignEditorPage'));
const OrganiserCampaignPage = lazy(() => import('./pages/organiser/OrganiserCampaignPage'));
const AdminApp = lazy(() => import('./pages/admin/AdminApp'));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="campaigns" element={<Lazy><CampaignsPage /></Lazy>} />
        <Route path="campaigns/:id" element={<CampaignPage />} />
        <Route path="campaigns/:id/donate" element={<Lazy><DonatePage /></Lazy>} />
        <Route path="donate/result" element={<Lazy><DonationResultPage /></Lazy>} />
        <Route path="donations/guest" element={<Lazy><GuestHistoryPage /></Lazy>} />
        <Route path="donations/guest/request" element={<Lazy><GuestHistoryRequestPage /></Lazy>} />
        <Route path="signin" element={<Lazy><SignInPage /></Lazy>} />
        <Route path="register" element={<Lazy><RegisterPage /></Lazy>} />
        <Route path="verify-email" element={<Lazy><VerifyEmailPage /></Lazy>} />
        <Route element={<RequireAuth />}>
          <Route path="profile" element={<Lazy><ProfilePage /></Lazy>} />
          <Route path="me/donations" element={<Lazy><MyDonationsPage /></Lazy>} />
          <Route path="me/campaigns" element={<Lazy><MyCampaignsPage /></Lazy>} />
          <Route path="me/campaigns/new" element={<Lazy><CampaignEditorPage /></Lazy>} />
          <Route path="me/campaigns/:id/edit" element={<Lazy><CampaignEditorPage /></Lazy>} />
          <Route path="me/campaigns/:id" element={<Lazy><OrganiserCampaignPage /></Lazy>} />
        </Route>
        <Route element={<RequireAuth requiredRole="ADMIN" />}>
          <Route path="admin/*" element={<Lazy><AdminApp /></Lazy>} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function Lazy({ children }: { children: React.ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}
