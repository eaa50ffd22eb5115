/**
 * People on HTTP: who they are (the local users file, session tokens, an identity provider's
 * tokens), what each role may read, the gate every route passes, the TLS the API is served with,
 * and the access log of every read of an enterprise's file. Used by {@code http}, {@code start} and
 * {@code command}; uses no other room of the app.
 */
package cn.gxq.subsidy.app.people;
