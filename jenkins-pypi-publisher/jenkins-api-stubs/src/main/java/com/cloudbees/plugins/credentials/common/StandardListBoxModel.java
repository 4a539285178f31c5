package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException("stub");
    }
}
