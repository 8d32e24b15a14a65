#!/bin/sh
# Liberty-era Magnum: a Kubernetes bay, as in Magnum's dev-quickstart.rst at tag 1.0.0.0b1 (October 2015).
# A baymodel is like a flavor: it tells Magnum how to build the bay and which COE to run.

# #region keypair
test -f ~/.ssh/id_rsa.pub || ssh-keygen -t rsa -N "" -f ~/.ssh/id_rsa
nova keypair-add --pub-key ~/.ssh/id_rsa.pub testkey
# #endregion keypair

# #region bay
magnum baymodel-create --name k8sbaymodel \
                       --image-id fedora-21-atomic-5 \
                       --keypair-id testkey \
                       --external-network-id public \
                       --dns-nameserver 8.8.8.8 \
                       --flavor-id m1.small \
                       --docker-volume-size 5 \
                       --network-driver flannel \
                       --coe kubernetes

# One master and one minion node; wait for CREATE_COMPLETE before using it.
magnum bay-create --name k8sbay --baymodel k8sbaymodel --node-count 1
magnum bay-list
# #endregion bay
