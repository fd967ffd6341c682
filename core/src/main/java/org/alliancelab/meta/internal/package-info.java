/**
 * Numerical helpers shared by the core's packages. Not part of the supported API: names and
 * behaviour may change without notice.
 */
package org.alliancelab.meta.internal;
