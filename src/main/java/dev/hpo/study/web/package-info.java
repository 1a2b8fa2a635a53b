/** HTTP endpoints of studies. */
package dev.hpo.study.web;
