/**
 * Reconciliation of a finance database with the platform's control totals, per bucket and day: what
 * each side holds ({@code FinanceDatabase}, {@code ControlTotalsTopic}) and how they compare
 * ({@code Reconciliation}). Uses no other room.
 */
package cn.gxq.subsidy.app.reconcile;
