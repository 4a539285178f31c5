package io.github.nexuspypi.repository.pypi.rest;

/** The body of {@code POST /v1/pypi/imports}: what the import task's form asks. */
public class ImportRequest
{
  public String repository;

  public String source;

  public String projects;

  public String username;

  public String password;

  public Integer concurrency;
}
