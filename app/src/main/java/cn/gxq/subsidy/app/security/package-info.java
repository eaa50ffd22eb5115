/**
 * Principals, roles, ACLs and client security settings, for the embedded secured stack and for a
 * cluster of one's own. Uses no other room.
 */
package cn.gxq.subsidy.app.security;
