package servermsg

import "strings"

// kubernetesRules read the API server's RBAC denial, whose format is fixed
// in k8s.io/apiserver (forbiddenMessage): resource requests name the verb,
// resource, API group and namespace (or the cluster scope), non-resource
// requests name the path; the authorizer's reason may follow a colon.
func kubernetesRules() []rule {
	return []rule{
		wording(ForbiddenAuthz, vKubernetes, `(?:\S+(?: "(?P<name>[^"]*)")? is )?forbidden: User "(?P<user>[^"]*)" cannot (?P<verb>[\w-]+) resource "(?P<resource>[^"]*)" in API group "(?P<api_group>[^"]*)"(?: in the namespace "(?P<namespace>[^"]*)"| at the cluster scope)(?:: (?P<reason>.+))?`).refined(kubeScope),
		wording(ForbiddenAuthz, vKubernetes, `forbidden: User "(?P<user>[^"]*)" cannot (?P<verb>[\w-]+) path "(?P<path>[^"]*)"(?:: (?P<reason>.+))?`).refined(kubeScope),
	}
}

// kubeScope marks cluster-scoped denials and anonymous requests: a user of
// system:anonymous means the API server saw no credentials it accepted.
func kubeScope(id, segment string, v map[string]string) string {
	if strings.Contains(segment, "at the cluster scope") {
		v["cluster_scope"] = "true"
	}
	if v["user"] == "system:anonymous" {
		v["note"] = "the API server treated the request as anonymous: it saw no credentials it could authenticate"
	}
	return id
}
