/**
 * The subcommands ({@code run}, {@code produce}, {@code consume}, {@code acl}, {@code whatif}) and
 * their options: each reads its options and calls the rooms below; no command is used by another
 * room.
 */
package cn.gxq.subsidy.app.command;
