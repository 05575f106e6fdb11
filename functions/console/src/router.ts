import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { session } from './services'

/** Which page each role opens on; a role without its page yet lands on the welcome page. */
export const HOME_BY_ROLE: [string, string][] = [
  ['operator', '/hotline'],
  ['canteen', '/canteen'],
  ['auditor', '/audit'],
  ['officer', '/dashboard'],
  // provider desk
  ['provider', '/provider'],
]

export function homeOf(hasRole: (role: string) => boolean): string {
  return HOME_BY_ROLE.find(([role]) => hasRole(role))?.[1] ?? '/welcome'
}

const routes: RouteRecordRaw[] = [
  { path: '/sign-in', component: () => import('./views/SignInView.vue'), meta: { open: true, title: '登录' } },
  { path: '/session-ended', component: () => import('./views/SessionEndedView.vue'), meta: { open: true, title: '登录已结束' } },
  {
    path: '/',
    component: () => import('./layout/ConsoleLayout.vue'),
    children: [
      { path: '', redirect: () => homeOf((r) => session.hasRole(r)) },
      { path: 'hotline', component: () => import('./views/hotline/HotlineDesk.vue'), meta: { roles: ['operator'], title: '热线服务台' } },
      { path: 'canteen', component: () => import('./views/canteen/CanteenCounter.vue'), meta: { roles: ['canteen'], title: '食堂柜台' } },
      { path: 'emergencies', component: () => import('./views/emergency/EmergencyBoard.vue'), meta: { roles: ['operator', 'officer'], title: '助急看板' } },
      { path: 'audit', component: () => import('./views/audit/AuditVerify.vue'), meta: { roles: ['auditor', 'officer'], title: '审计链核验' } },
      // The officer dashboard and the auditor's pages (issue 14): lazy chunks, ECharts only in the dashboard's.
      { path: 'dashboard', component: () => import('./views/dashboard/OfficerDashboard.vue'), meta: { roles: ['officer'], title: '县级看板' } },
      { path: 'trace/:id?', component: () => import('./views/audit/TransferTrace.vue'), meta: { roles: ['auditor', 'officer'], title: '转账追溯' } },
      { path: 'export', component: () => import('./views/audit/TransferExport.vue'), meta: { roles: ['auditor', 'officer'], title: '转账导出' } },
      // 岗位津贴: the care homes' caregivers and their certificates
      { path: 'caregivers', component: () => import('./views/caregivers/CaregiverCertificates.vue'), meta: { roles: ['officer', 'auditor'], title: '护理员证书' } },
      // provider desk
      { path: 'provider', component: () => import('./views/provider/ProviderDesk.vue'), meta: { roles: ['provider'], title: '服务商派单' } },
      { path: 'welcome', component: () => import('./views/WelcomeView.vue'), meta: { title: '欢迎' } },
    ],
  },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach((to) => {
  if (to.meta.open) return true
  if (!session.signedIn) return session.state.ended ? '/session-ended' : '/sign-in'
  const roles = to.meta.roles as string[] | undefined
  return !roles || roles.some((r) => session.hasRole(r)) ? true : homeOf((r) => session.hasRole(r))
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string | undefined) ?? '员工工作台'} · 颐养`
})
