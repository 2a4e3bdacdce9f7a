/**
 * System tests of OpenRouter's account endpoints ({@code /key}, {@code /credits}, {@code /generation}) and the
 * management API ({@code /keys}): numbers against the database, the key-kind rules, and the BOLA cases with a second
 * developer created over JDBC.
 */
package dev.marketplace.systemtests.account;
