package com.cloudbees.plugins.credentials;

public class CredentialsMatchers {
    private CredentialsMatchers() {
    }

    public static CredentialsMatcher instanceOf(Class clazz) {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher not(CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher withScope(CredentialsScope scope) {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("stub");
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("stub");
    }
}
