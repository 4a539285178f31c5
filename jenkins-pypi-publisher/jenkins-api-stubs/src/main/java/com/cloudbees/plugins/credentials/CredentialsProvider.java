package com.cloudbees.plugins.credentials;

import java.util.List;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.Permission;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
    implements Describable<CredentialsProvider> {
    public static final Permission USE_ITEM = null;

    public CredentialsProvider() {
    }

    public static <C extends IdCredentials> C findCredentialByIdInItemGroup(String id, Class<C> type,
        ItemGroup<?> itemGroup, Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
        List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stub");
    }

    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("stub");
    }
}
