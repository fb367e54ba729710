import { NavLink, Route, Routes } from 'react-router';
import { NotFound } from '../../components/States';
import DashboardPage from './DashboardPage';
import ApprovalsPage from './ApprovalsPage';
import CampaignsPage from './CampaignsPage';
import UsersPage from './UsersPage';
import PaymentsPage from './PaymentsPage';
import AuditLogPage from './AuditLogPage';
import NotificationsPage from './NotificationsPage';
import './admin.css';

const links = [
  { to: '/admin', label: 'Dashboard', end: true },
  { to: '/admin/approvals', label: 'Approvals' },
  { to: '/admin/campaigns', label: 'Campaigns' },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/payments', label: 'Payments' },
  { to: '/admin/audit-log', label: 'Audit log' },
  { to: '/admin/notifications', label: 'Notifications' },
];

/** The admin area (English only), mounted at /admin/* for admins and loaded on demand with its charts. */
export default function AdminApp() {
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="approvals" element={<ApprovalsPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="payments" element={<PaymentsPage />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
