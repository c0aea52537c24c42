package secrets

// Keyring stores one secret per (service, account) item. Every
// implementation in this package returns *Error for failures, so callers
// can use ClassOf and IsNotFound; none ever puts a value in an error.
//
// Service is Service(profile) (why401/<profile>), account the key's name
// (token, password, client_secret, …). Neither may contain ":" (Windows
// joins them with ":" into one name).
type Keyring interface {
	Get(service, account string) (string, error)
	Set(service, account, value string) error
	Delete(service, account string) error
}
