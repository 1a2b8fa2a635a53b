/** Where experiments run: the backend port and its adapters ({@code queue}: HTTP workers, {@code process}: child processes). */
package dev.hpo.backend;
