package com.cloudbees.plugins.credentials;

import java.io.Serializable;

import hudson.model.Describable;

public interface Credentials extends Describable<Credentials>, Serializable {
}
